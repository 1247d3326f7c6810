import { describe, expect, it } from 'vitest';
import { snapshot } from '../helpers.js';
import { book } from './deals-fixture.js';

describe('salesctl log', () => {
  it('writes a journal line and says so, on a terminal and in a pipe', async () => {
    const h = await book();
    const tty = await h.run(['log', 'acme', 'sent', 'the', 'price list', '--tag', '#pricing', '--tag', 'email', '--tag', 'pricing'], { tty: true });
    expect(tty).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Logged on #2 Acme — Ana Lima (Acme) at Sun 22 Nov 15:00: sent the price list #pricing #email\n',
    });
    const pipe = await h.run(['log', '2', 'called back']);
    expect(pipe.stdout).toBe('Logged on #2 Acme — Ana Lima (Acme) at 2026-11-22T15:00:00+07:00: called back\n');
    expect(h.db.prepare('SELECT deal_id, at, text, tags FROM journal ORDER BY id').all()).toEqual([
      { deal_id: 2, at: '2026-11-22T08:00:00.000Z', text: 'sent the price list', tags: '["pricing","email"]' },
      { deal_id: 2, at: '2026-11-22T08:00:00.000Z', text: 'called back', tags: '[]' },
    ]);
  });

  it('--json prints the journal entry', async () => {
    const h = await book();
    const r = await h.run(['log', '1', 'owner on leave until Friday', '--tag', 'timing', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ id: 1, deal_id: 1, at: '2026-11-22T15:00:00+07:00', text: 'owner on leave until Friday', tags: ['timing'] });
  });

  it('escapes control characters when printing the line back', async () => {
    const h = await book();
    const r = await h.run(['log', '3', 'beep\u0007 \u001b[31mred'], { tty: true });
    expect(r.stdout).toBe('Logged on #3 Carl — Carl at Sun 22 Nov 15:00: beep\\x07 \\x1b[31mred\n');
  });

  it.each([
    [['log', '1', '   '], 2, "salesctl: the journal line is empty: write what happened, e.g. salesctl log 12 'called, asked for the price list'\n"],
    [['log', '1', 'x'.repeat(10_001)], 2, 'salesctl: the journal line is 10001 characters long: at most 10000 are allowed\n'],
    [['log', '1', 'ok', '--tag', ' # '], 2, 'salesctl: --tag is empty: give a word, e.g. --tag pricing\n'],
    [['log', '42', 'ok'], 3, "salesctl: no deal with id 42: run 'salesctl list' to see the deals\n"],
  ])('%#: refuses bad input and writes nothing', async (argv, code, stderr) => {
    const h = await book();
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });

  it('accepts exactly 10,000 characters', async () => {
    const h = await book();
    expect((await h.run(['log', '1', 'y'.repeat(10_000)])).code).toBe(0);
  });
});
