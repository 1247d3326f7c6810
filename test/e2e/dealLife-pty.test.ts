// The questions of a deal's life on a real pseudo-terminal (tmux runs the built binary): undo shows what it
// will revert and asks; commit asks what was promised; completing a follow-up due on a later day asks first;
// an exact duplicate deal is asked about.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../helpers.js';
import { BIN, tempCli, type Cli } from './helpers.js';

const TMUX = '/usr/bin/tmux';
const SOCKET = `salesctl-deallife-${process.pid}`;
let cli: Cli;
let sessions = 0;

function tmux(...args: string[]): string {
  const result = spawnSync(TMUX, ['-L', SOCKET, ...args], { encoding: 'utf8', timeout: 10_000 });
  if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
}

/** Starts `salesctl <args>` in a new terminal; returns its session name. */
function start(args: string): string {
  const session = `deallife-${process.pid}-${++sessions}`;
  const command =
    `env SALESCTL_DB='${cli.dbPath}' SALESCTL_NOW=2026-11-23T01:30:00Z TZ=Asia/Jakarta NO_COLOR=1 ` +
    `'${process.execPath}' '${BIN}' ${args}; echo EXIT=$? ; sleep 30`;
  tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50', command);
  return session;
}

async function waitFor(session: string, text: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = tmux('capture-pane', '-p', '-t', session);
    if (shown.includes(text)) return shown;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; the screen was:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function type(session: string, text: string): void {
  if (text) tmux('send-keys', '-t', session, '-l', text);
  tmux('send-keys', '-t', session, 'Enter');
}

const count = (sql: string) => {
  const db = new Database(cli.dbPath, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

describe.skipIf(!existsSync(TMUX))("a deal's life on a real terminal", () => {
  beforeAll(() => {
    cli = tempCli('2026-11-23T01:30:00Z', 'Asia/Jakarta');
    expect(cli.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet']).code).toBe(0);
  });
  afterAll(() => {
    spawnSync(TMUX, ['-L', SOCKET, 'kill-server'], { timeout: 10_000 });
    cli?.cleanup();
  });

  it('commit asks what was promised', async () => {
    const s = start('commit 1 low');
    await waitFor(s, '? What was promised (low)?');
    type(s, '');
    await waitFor(s, 'say what they promised');
    type(s, 'a decision after the board meets');
    const end = await waitFor(s, 'EXIT=');
    expect(end).toContain('EXIT=0');
    expect(count('SELECT what FROM commitments WHERE id = 1')).toBe('a decision after the board meets');
  }, 60_000);

  it('undo shows what it will revert, and reverts only on yes', async () => {
    const no = start('undo');
    const asked = await waitFor(no, '? Revert it?');
    expect(asked).toContain('Will revert change #2 of Mon 23 Nov 08:30: #1 Fleet — Budi Santoso: commitment #1 recorded');
    type(no, 'n');
    expect(await waitFor(no, 'EXIT=')).toContain('Nothing was changed.');
    expect(count('SELECT count(*) FROM commitments')).toBe(1);

    const yes = start('undo');
    await waitFor(yes, '? Revert it?');
    type(yes, 'y');
    const end = await waitFor(yes, 'EXIT=');
    expect(end).toContain('Undone change #2: #1 Fleet — Budi Santoso: commitment #1 recorded');
    expect(end).toContain('EXIT=0');
    expect(count('SELECT count(*) FROM commitments')).toBe(0);
  }, 60_000);

  it('followup done of a follow-up due on a later day asks to confirm', async () => {
    expect(cli.run(['followup', '1', '--at', '2026-11-27 10:00']).code).toBe(0);
    const s = start('followup done 1 --outcome reached --next +2w');
    const asked = await waitFor(s, '? Complete follow-up #1 anyway?');
    expect(asked).toContain("warning: follow-up #1 is Budi Santoso (PT Maju)'s, due Fri 27 Nov, not today");
    type(s, 'n');
    const end = await waitFor(s, 'EXIT=');
    expect(end).toContain("salesctl: follow-up #1 was not completed: run 'salesctl due' for the Id of today's follow-ups");
    expect(end).toContain('EXIT=2');
    expect(count("SELECT status FROM followups WHERE id = 1")).toBe('scheduled');
  }, 60_000);

  it('add of an exact duplicate of an open deal asks first', async () => {
    const s = start("add 'Budi Santoso' --company 'PT Maju' --deal fleet");
    await waitFor(s, "? Budi Santoso already has open deal #1 'fleet'. Add another deal of the same title?");
    type(s, 'y');
    expect(await waitFor(s, 'EXIT=')).toContain('Added deal #2 fleet for Budi Santoso (PT Maju) · existing prospect');
    expect(count('SELECT count(*) FROM deals')).toBe(2);
  }, 60_000);
});
