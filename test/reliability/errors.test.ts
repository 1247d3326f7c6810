// Errors are one line on stderr whatever the user typed; stack traces only with --debug; a closed pipe
// is not an error; nothing waits for input without a terminal.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { harness } from '../helpers.js';
import { BIN, cliEnv, errorLines, removeDir, spawnCli, tempDir } from './support.js';

describe('error lines', () => {
  it.each([
    [['add', 'X', '--value', '1\u001b[2J'], "salesctl: cannot read the amount '1\\x1b[2J' for --value: write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500\n"],
    [['add', 'X', '--tz', 'Evil\u001b[2J'], "salesctl: unknown time zone 'Evil\\x1b[2J' for --tz: use an IANA name such as Asia/Jakarta or America/New_York\n"],
    [['add', 'X', '--best-time', '\n'], "salesctl: cannot read the best time '\\n' for --best-time: write it as HH:MM-HH:MM in the prospect's zone, e.g. 10:00-12:00\n"],
    [['add', 'X', '--bad\noption'], "salesctl: unknown option '--bad\\noption': see 'salesctl add --help'\n"],
    [['frob\u0007nicate'], "salesctl: unknown command 'frob\\x07nicate': see 'salesctl --help'\n"],
  ])('%j gives exactly one line, the input escaped', async (argv, stderr) => {
    const h = harness();
    expect(await h.run(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it("keeps commander's suggestion on its own line", async () => {
    const { stderr } = await harness().run(['add', 'X', '--valeu', '5']);
    expect(stderr).toBe("salesctl: unknown option '--valeu' (did you mean '--value'?)\n");
  });

  it('shows the stack of an error only with --debug', async () => {
    const h = harness();
    const plain = await h.run(['add', 'X', '--value', 'lots']);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    const debug = await h.run(['add', 'X', '--value', 'lots', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr.split('\n')[0]).toBe("salesctl: cannot read the amount 'lots' for --value: write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500");
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});

describe('the process', () => {
  let dir: string;
  beforeEach(() => (dir = tempDir('salesctl-proc-')));
  afterEach(() => removeDir(dir));

  it('ends quietly with exit 0 when the reader of its output goes away (EPIPE)', async () => {
    const db = join(dir, 'sales.db');
    const env = { SALESCTL_DB: db, SALESCTL_NOW: '2026-11-22T08:00:00Z' };
    const conn = openDatabase(db);
    const prospect = conn.prepare("INSERT INTO prospects (name, created_at) VALUES (?, '2026-11-01T00:00:00Z')");
    const deal = conn.prepare("INSERT INTO deals (prospect_id, title, created_at) VALUES (?, ?, '2026-11-01T00:00:00Z')");
    conn.transaction(() => {
      for (let i = 0; i < 300; i++) deal.run(prospect.run(`Prospect ${i}`).lastInsertRowid, 'y'.repeat(400));
    })();
    conn.close();
    // `salesctl list --json | true`, with output well beyond a pipe's buffer
    const child = spawn('sh', ['-c', `"$0" "$1" list --status all --json | true; "$0" "$1" --help | head -c 1`, process.execPath, BIN], {
      env: cliEnv(env),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const code = await new Promise((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it.skipIf(!existsSync('/dev/full'))('says so in one line and exits 1 when its output cannot be written (a full disk)', async () => {
    const env = { SALESCTL_DB: join(dir, 'sales.db'), SALESCTL_NOW: '2026-11-22T08:00:00Z' };
    expect((await spawnCli(['add', 'Budi'], env)).code).toBe(0);
    const child = spawn('sh', ['-c', '"$0" "$1" list > /dev/full', process.execPath, BIN], { env: cliEnv(env) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const code = await new Promise((done) => child.on('close', done));
    expect([code, stderr]).toEqual([1, 'salesctl: cannot write the output: ENOSPC: no space left on device, write\n']);
  });

  it('works with TZ unset (the zone then comes from the system)', async () => {
    const env = { SALESCTL_DB: join(dir, 'sales.db'), SALESCTL_NOW: '2026-11-22T08:00:00Z', TZ: undefined };
    for (const args of [['add', 'Budi'], ['due'], ['list']]) {
      const run = await spawnCli(args, env);
      expect([args, run.code, errorLines(run.stderr)]).toEqual([args, 0, []]);
    }
  });

  it('never waits for input without a terminal: a missing prospect name is refused at once', async () => {
    const run = await spawnCli(['add'], { SALESCTL_DB: join(dir, 'sales.db') });
    expect(run).toMatchObject({ code: 2, stdout: '', stderr: "salesctl: missing required argument 'prospect': see 'salesctl add --help'\n" });
  });

  it('never starts a questionnaire without a terminal, even with stdin left open', async () => {
    const env = { SALESCTL_DB: join(dir, 'sales.db'), SALESCTL_NOW: '2026-11-22T08:00:00Z' };
    expect((await spawnCli(['add', 'Budi'], env)).code).toBe(0);
    expect((await spawnCli(['close', '1', 'lost', '--reason', 'price'], env)).code).toBe(0);
    // stdin is a pipe nobody writes to: a prompt would wait forever, so kill after 10 s and fail
    const child = spawn(process.execPath, [BIN, 'postmortem', '1'], { env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((done) => child.on('close', (c, s) => done([c, s])));
    clearTimeout(timer);
    expect(signal).toBe(null);
    expect([0, 2]).toContain(code);
  });

  it('documents $SALESCTL_BUSY_TIMEOUT_MS in --help', async () => {
    expect((await harness().run(['--help'])).stdout).toContain('SALESCTL_BUSY_TIMEOUT_MS  how long to wait for another writer (default 5000) before exit 4');
  });
});
