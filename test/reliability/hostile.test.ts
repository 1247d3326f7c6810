// Hostile text: quotes and SQL round-trip verbatim; control characters and escape sequences are shown
// escaped on a terminal, never interpreted; over-long text is refused clearly.
import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from '../../src/core/text.js';
import { safe } from '../../src/render/text.js';
import { harness, snapshot } from '../helpers.js';

const QUOTED = [
  `Robert'); DROP TABLE deals;--`,
  `"Bobby" O'Brien`,
  `x' OR '1'='1`,
  `100% _real_ \\ back\\slash`,
  `'; DELETE FROM prospects WHERE ''='`,
  `Renée Ørsted 李小龍 🚀`,
  `<script>alert(1)</script>`,
  `$(rm -rf /) \`whoami\``,
];

describe('names and notes with quotes and SQL fragments', () => {
  it.each(QUOTED)('round-trip verbatim through add, list and show: %s', async (text) => {
    const h = harness();
    const added = await h.run(['add', text, '--company', text, '--deal', text, '--note', text, '--json']);
    expect(added.code).toBe(0);
    const deal = JSON.parse(added.stdout);
    expect(deal).toMatchObject({ title: text, prospect_name: text, company: text, prospect: { name: text, company: text, notes: text } });
    expect(h.db.prepare('SELECT name, company, notes FROM prospects').all()).toEqual([{ name: text, company: text, notes: text }]);
    expect(h.db.prepare('SELECT title FROM deals').all()).toEqual([{ title: text }]);

    const listed = JSON.parse((await h.run(['list', '--json'])).stdout);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: deal.id, title: text, company: text });
    const shown = JSON.parse((await h.run(['show', String(deal.id), '--json'])).stdout);
    expect(shown).toMatchObject({ id: deal.id, title: text, prospect: { name: text, notes: text } });
    // every table is still there
    expect(h.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all()).toEqual([
      'commitments', 'deals', 'events', 'followups', 'journal', 'open_deals', 'postmortem_causes', 'postmortems', 'prospects',
      'undo_changes', 'undo_current', 'undo_log',
    ]);
  });

  it('a journal line with SQL in it is stored verbatim', async () => {
    const h = harness();
    await h.run(['add', 'Budi']);
    const line = `said "no"; DROP TABLE journal; -- ok'`;
    expect((await h.run(['log', '1', line])).code).toBe(0);
    expect(h.db.prepare('SELECT text FROM journal').all()).toEqual([{ text: line }]);
  });
});

const ESCAPES = 'Evil\u001b[2J\u001b]0;pwned\u0007\rCorp\u009b31m\u202e\u0000';

describe('control characters and terminal escape sequences', () => {
  it.each([
    ['plain', 'plain'],
    ['tab\tand\nnewline\r', 'tab\\tand\\nnewline\\r'],
    ['\u001b[31mred\u001b[0m', '\\x1b[31mred\\x1b[0m'],
    ['bell\u0007 nul\u0000 del\u007f', 'bell\\x07 nul\\x00 del\\x7f'],
    ['c1 \u009b csi', 'c1 \\x9b csi'],
    ['line\u2028sep\u2029para', 'line\\u2028sep\\u2029para'],
    ['invoice\u202egpj.exe', 'invoice\\u202egpj.exe'],
    ['\u2066isolate\u2069 \u200fmark', '\\u2066isolate\\u2069 \\u200fmark'],
    ['مرحبا שלום', 'مرحبا שלום'],
    ['Renée 李 🚀', 'Renée 李 🚀'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
  ])('safe(%j) is %j', (input, expected) => {
    expect(safe(input)).toBe(expected);
  });

  it('safe() leaves nothing a terminal would interpret', () => {
    for (let code = 0; code < 0x10000; code++) {
      const out = safe(String.fromCharCode(code));
      expect(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(out)).toBe(false);
    }
  });

  /** No raw control character at all: colour is off (NO_COLOR), so any ESC would come from stored text. */
  const expectInert = (text: string) => {
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202e]/);
    expect(text).toContain('Evil\\x1b[2J\\x1b]0;pwned\\x07\\rCorp\\x9b31m');
  };

  it('are shown escaped by add, list, show and due on a terminal and in a pipe', async () => {
    const h = harness('2026-11-22T08:00:00Z', 'UTC');
    const added = await h.run(['add', ESCAPES, '--company', ESCAPES, '--deal', ESCAPES, '--note', ESCAPES], { tty: true });
    expect(added.code).toBe(0);
    expectInert(added.stdout);
    expect((await h.run(['followup', '1', '--at', '2026-11-22 10:00', '--note', ESCAPES])).code).toBe(0);
    for (const tty of [true, false]) {
      for (const argv of [['list'], ['show', '1'], ['due']]) {
        const out = await h.run(argv, { tty });
        expect([argv, tty, out.code]).toEqual([argv, tty, 0]);
        expectInert(out.stdout);
        expect(out.stderr).not.toMatch(/\u001b|\u0007/);
      }
    }
  });

  it('are escaped even where colour is on', async () => {
    const h = harness();
    await h.run(['add', ESCAPES, '--company', ESCAPES]);
    await h.run(['followup', '1', '--at', '2026-11-22 10:00']);
    for (const argv of [['list'], ['due'], ['show', '1']]) {
      const out = await h.run(argv, { tty: true, color: true });
      expect(out.code).toBe(0);
      // paint()'s colour codes are fine; the stored sequences are not
      const withoutColour = out.stdout.replace(/\u001b\[\d+(;\d+)*m/g, '');
      expect([argv, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(withoutColour)]).toEqual([argv, false]);
      expect(out.stdout).toContain('Evil\\x1b[2J');
    }
  });

  it('are kept verbatim in JSON, where they are escaped by the JSON encoding', async () => {
    const h = harness();
    const out = await h.run(['add', ESCAPES, '--json']);
    expect(out.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(JSON.parse(out.stdout).prospect.name).toBe(ESCAPES);
  });
});

describe('very long text', () => {
  it(`accepts a note of exactly ${MAX_TEXT} characters`, async () => {
    const h = harness();
    const note = 'n'.repeat(MAX_TEXT);
    const out = await h.run(['add', 'Budi', '--note', note, '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).prospect.notes).toBe(note);
  });

  it.each([
    [['add', 'Budi', '--note', 'n'.repeat(MAX_TEXT + 1)], `salesctl: --note is ${MAX_TEXT + 1} characters long: at most ${MAX_TEXT} are allowed\n`],
    [['add', 'Budi', '--role', 'r'.repeat(50_000)], `salesctl: --role is 50000 characters long: at most ${MAX_TEXT} are allowed\n`],
    [['add', 'x'.repeat(201)], 'salesctl: the prospect name is 201 characters long: at most 200 are allowed\n'],
    [['add', 'Budi', '--deal', 'd'.repeat(501)], 'salesctl: --deal is 501 characters long: at most 500 are allowed\n'],
  ])('refuses over-long text with exit 2, one line, nothing written (%#)', async (argv, stderr) => {
    const h = harness();
    await h.run(['add', 'Existing']);
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code: 2, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });
});
