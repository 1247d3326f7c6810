// The guided post-mortem through a real pseudo-terminal: tmux runs the built binary, the test types the
// answers (text, space and arrow keys for the checkbox) and reads the screen, then checks what was stored.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../helpers.js';
import { BIN, tempCli, type Cli } from './helpers.js';

const TMUX = '/usr/bin/tmux';
const hasTmux = existsSync(TMUX);
// Our own tmux server (its own socket), so the test never touches anyone else's sessions.
const SOCKET = `salesctl-test-${process.pid}`;
const SESSION = `postmortem-${process.pid}`;

let cli: Cli;

function tmux(...args: string[]): string {
  const result = spawnSync(TMUX, ['-L', SOCKET, ...args], { encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

const screen = () => tmux('capture-pane', '-p', '-t', SESSION);

/** Polls the screen until `text` shows up (bounded), and returns the screen. */
async function waitFor(text: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; the screen was:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Types `text` literally, then Enter. */
function answer(text: string): void {
  if (text) tmux('send-keys', '-t', SESSION, '-l', text);
  tmux('send-keys', '-t', SESSION, 'Enter');
}

describe.skipIf(!hasTmux)('postmortem on a real terminal', () => {
  beforeAll(() => {
    cli = tempCli('2026-11-22T08:00:00Z', 'UTC');
    expect(cli.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal']).code).toBe(0);
    const db = new Database(cli.dbPath);
    db.prepare("UPDATE deals SET status = 'lost' WHERE id = 1").run();
    db.close();
  });

  afterAll(() => {
    spawnSync(TMUX, ['-L', SOCKET, 'kill-server'], { timeout: 10_000 });
    cli?.cleanup();
  });

  it('asks the reflection in order and stores every answer', async () => {
    const command =
      `env SALESCTL_DB='${cli.dbPath}' SALESCTL_NOW=2026-11-22T08:00:00Z TZ=UTC NO_COLOR=1 ` +
      `'${process.execPath}' '${BIN}' postmortem 1; echo EXIT=$? ; sleep 30`;
    tmux('new-session', '-d', '-s', SESSION, '-x', '200', '-y', '50', command);

    await waitFor('? What happened?');
    answer('They chose a rival with a local office');
    await waitFor('? Which assumption failed?');
    answer('that a demo was enough');

    await waitFor('? Root causes');
    await waitFor('other: something else');
    tmux('send-keys', '-t', SESSION, 'Space'); // segment, under the cursor
    tmux('send-keys', '-t', SESSION, 'Down', 'Down', 'Space'); // product-knowledge
    const selected = await waitFor('◉ product-knowledge');
    expect(selected).toContain("◉ segment: the prospect's segment was not researched");
    expect(selected).toContain('◯ approach: the approach did not fit the prospect');
    tmux('send-keys', '-t', SESSION, 'Enter');

    await waitFor('? Who did you review it with?');
    answer('team lead, Mum');
    await waitFor('? What did the prospect say?');
    answer('too big for a small fleet');
    await waitFor('? The lesson');
    answer(''); // an empty lesson is not accepted
    await waitFor('please write a line');
    answer('research the segment before the first call');

    const end = await waitFor('EXIT=');
    expect(end).toContain('EXIT=0');
    expect(end).toContain('Recorded post-mortem #1 (lost) on deal #1 Budi Santoso (PT Maju) — Fleet renewal [lost]');
    // The order of the questions on screen is the order of the reflection.
    const order = ['What happened?', 'Which assumption failed?', 'Root causes', 'Who did you review', 'What did the prospect say?', 'The lesson'];
    const positions = order.map((q) => end.indexOf(q));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    const db = new Database(cli.dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT * FROM postmortems').all()).toEqual([
        {
          id: 1,
          deal_id: 1,
          outcome: 'lost',
          what_happened: 'They chose a rival with a local office',
          assumption: 'that a demo was enough',
          reviewers: '["team lead","Mum"]',
          feedback: 'too big for a small fleet',
          lesson: 'research the segment before the first call',
          created_at: '2026-11-22T08:00:00.000Z',
        },
      ]);
      expect(db.prepare('SELECT cause FROM postmortem_causes WHERE postmortem_id = 1 ORDER BY rowid').all()).toEqual([
        { cause: 'segment' },
        { cause: 'product-knowledge' },
      ]);
    } finally {
      db.close();
    }
  }, 90_000);

  it('draws the list as a coloured table on a terminal (the bundle loads the table library late)', async () => {
    const session = `${SESSION}-list`;
    const command =
      `env SALESCTL_DB='${cli.dbPath}' SALESCTL_NOW=2026-11-22T08:00:00Z TZ=UTC FORCE_COLOR= NO_COLOR= ` +
      `'${process.execPath}' '${BIN}' list --status all; echo EXIT=$? ; sleep 30`;
    tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', command);
    const deadline = Date.now() + 15_000;
    let shown = '';
    while (!shown.includes('EXIT=') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      shown = tmux('capture-pane', '-p', '-t', session);
    }
    const escapes = tmux('capture-pane', '-p', '-e', '-t', session);
    expect(shown).toContain('EXIT=0');
    expect(shown).toMatch(/Id\s+Prospect\s+Company\s+Deal/);
    expect(shown).toMatch(/1\s+Budi Santoso\s+PT Maju\s+Fleet renewal/);
    expect(escapes).toContain('\x1b[1m'); // the bold header: colour is on for a terminal
  }, 30_000);
});
