// Where the built binary and the in-process tests can differ, the binary wins: the V8 code cache the
// loader hands to V8, the terminal facts main.ts reads from the real file descriptors, the progress bar
// (cli-progress on a tty stream made for fd 2), the prompts (@inquirer/prompts through the loader's
// __import) and Ctrl-C at one. Real pseudo-terminals: `script` for a whole run, tmux for key presses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../helpers.js';
import { BIN, tempCli, type Cli } from './helpers.js';
import { hasScript, hasTmux, runOnTerminal, shellCommand, shellLine, Tmux } from './pty.js';

const NOW = '2026-11-23T08:30:00+07:00';
const TZ = 'Asia/Jakarta';

let cli: Cli;
let tmux: Tmux;

beforeAll(() => {
  cli = tempCli(NOW, TZ);
  tmux = new Tmux();
  expect(cli.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--tz', 'Asia/Jakarta', '--value', '150000000', '--currency', 'IDR']).code).toBe(0);
  expect(cli.run(['add', 'Ana Lim', '--company', 'Lim Trading', '--tz', 'America/New_York', '--value', '15k']).code).toBe(0);
  expect(cli.run(['followup', '1', '--at', '2026-11-23 09:00', '--closure']).code).toBe(0);
  expect(cli.run(['followup', '2', '--at', '2026-11-23 10:00']).code).toBe(0);
});
afterAll(() => {
  if (hasTmux) tmux?.kill();
  cli?.cleanup();
});

describe('the loader', { timeout: 60_000 }, () => {
  it('hands V8 the code cache the build made, and V8 accepts it', () => {
    // A preloaded hook wraps vm.Script (the loader looks it up when it compiles) and reports what V8 said.
    const dir = mkdtempSync(join(tmpdir(), 'salesctl-cache-'));
    try {
      const hook = join(dir, 'hook.cjs');
      writeFileSync(
        hook,
        `const vm = require('node:vm'); const Real = vm.Script; const seen = [];
         vm.Script = class extends Real { constructor(source, options) { super(source, options);
           seen.push({ file: require('node:path').basename(options.filename), given: Boolean(options.cachedData), rejected: this.cachedDataRejected }); } };
         process.on('exit', () => require('node:fs').writeFileSync(process.env.CACHE_OUT, JSON.stringify(seen)));`,
      );
      const out = join(dir, 'seen.json');
      const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
      const due = spawnSync(process.execPath, ['-r', hook, BIN, 'due'], {
        env: { ...env, SALESCTL_DB: cli.dbPath, SALESCTL_NOW: NOW, TZ, CACHE_OUT: out },
        encoding: 'utf8',
      });
      expect(due.status).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual([{ file: 'main.cjs', given: true, rejected: false }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!hasTmux)('terminal facts, decided once from the real file descriptors', { timeout: 60_000 }, () => {
  it('draws due as a table fitted to a 72-column terminal; piped on the same terminal, tab-separated', async () => {
    const session = tmux.start(shellLine(cli, ['due'], NOW, TZ), 72);
    const { code, screen } = await tmux.exitCode(session);
    expect(code).toBe(0);
    const lines = screen.split('\n').filter((line) => line.trim() && !line.startsWith('EXIT='));
    expect(lines.some((line) => /Budi Santoso/.test(line))).toBe(true);
    expect(lines.some((line) => /closure/i.test(line))).toBe(true);
    expect(lines.every((line) => line.trimEnd().length <= 72)).toBe(true);
    expect(screen).not.toContain('\t');

    // stdout a pipe, stderr still the terminal: data for a program, not a table
    const out = join(cli.dir, 'due.txt');
    const piped = tmux.start(`${shellCommand(cli, ['due'], NOW, TZ)} > '${out}'; s=$?; cat -A '${out}'; echo EXIT=$s`, 100);
    const pipedRun = await tmux.exitCode(piped);
    expect(pipedRun.code).toBe(0);
    expect(pipedRun.screen).toContain('due^I1^I2026-11-23T09:00:00+07:00^I^Iclosure^IBudi Santoso^IPT Maju^I');
  });
});

describe.skipIf(!hasScript)('the import progress bar (cli-progress, over 2,000 rows)', { timeout: 60_000 }, () => {
  const rows = 5000;
  let file: string;
  beforeAll(() => {
    file = join(cli.dir, 'leads.csv');
    const lines = ['Name,Company,Deal value,Next follow-up'];
    for (let i = 0; i < rows; i++) lines.push(`Lead ${i},Company ${i},${1000 + i},2026-12-0${1 + (i % 9)}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
  });

  it('draws nothing when stderr is a pipe', () => {
    const dry = cli.run(['import', file, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stderr).toBe('');
    expect(dry.stdout).toBe(
      'Would import 5,000 deals for 5,000 new prospects, with 5,000 follow-ups from leads.csv; nothing was written (dry run)\n' +
        '\n' +
        '  line  name    company    deal       value         next follow-up\n' +
        '  2     Lead 0  Company 0  Company 0  1,000.00 USD  Tue 1 Dec 2026 09:00 Asia/Jakarta\n' +
        '  3     Lead 1  Company 1  Company 1  1,001.00 USD  Wed 2 Dec 2026 09:00 Asia/Jakarta\n' +
        '  4     Lead 2  Company 2  Company 2  1,002.00 USD  Thu 3 Dec 2026 09:00 Asia/Jakarta\n' +
        '  5     Lead 3  Company 3  Company 3  1,003.00 USD  Fri 4 Dec 2026 09:00 Asia/Jakarta\n' +
        '  6     Lead 4  Company 4  Company 4  1,004.00 USD  Sat 5 Dec 2026 09:00 Asia/Jakarta\n' +
        '  … and 4,995 more rows\n' +
        '\n' +
        'Ignored columns: none\n' +
        'Guessed:\n' +
        '  - amounts without a currency read as USD (the default): say another with --currency\n' +
        'Rows matching open deals already in the database: 0\n',
    );
  });

  it('draws on a terminal, then clears itself, and the import is whole', () => {
    const { code, output } = runOnTerminal(cli, ['import', file], NOW, TZ);
    expect(code).toBe(0);
    expect(output).toContain('\x1b[?25l'); // the cursor hidden while drawing
    expect(output).toMatch(/checking \[[░█]+\] 0\/5000 rows/);
    expect(output).toMatch(/writing \[[░█]+\] \d+\/5000 rows/);
    expect(output).toContain('\x1b[?25h'); // and shown again
    expect(output).toContain('Imported 5,000 deals for 5,000 new prospects, with 5,000 follow-ups from leads.csv');
    const db = new Database(cli.dbPath, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM deals WHERE title LIKE 'Company %'").get()).toEqual({ n: rows });
    } finally {
      db.close();
    }
  });

  it('draws nothing for a file of 2,000 rows or fewer', () => {
    const small = join(cli.dir, 'small.csv');
    writeFileSync(small, readFileSync(file, 'utf8').split('\n').slice(0, 2001).join('\n').replace(/Lead /g, 'Small ') + '\n');
    const { code, output } = runOnTerminal(cli, ['import', small, '--dry-run'], NOW, TZ);
    expect(code).toBe(0);
    expect(output).toContain('Would import 2,000 deals');
    expect(output).toContain('  … and 1,995 more rows\r\n'); // the dry run's preview; the bar's counts are 'n/2000 rows'
    expect(output).not.toMatch(/(checking|writing) \[|\d\/2000 rows/);
    expect(output).not.toContain('\x1b[?25l');
  });
});

describe.skipIf(!hasTmux)('prompts on a terminal (@inquirer/prompts through the loader)', { timeout: 60_000 }, () => {
  it('followup done asks what happened, and records the answer', async () => {
    const session = tmux.start(shellLine(cli, ['followup', 'done', '1', '--note', 'asked for a quote'], NOW, TZ));
    await tmux.waitFor(session, '? What happened?');
    tmux.keys(session, 'Down'); // no-answer
    await tmux.waitFor(session, '❯ no-answer');
    tmux.keys(session, 'Enter');
    await tmux.waitFor(session, 'Next step: when?');
    tmux.answer(session, ''); // none
    const { code, screen } = await tmux.exitCode(session);
    expect(code).toBe(0);
    expect(screen).toContain('Done follow-up #1 (closure): call Budi Santoso (PT Maju) on Mon 23 Nov 2026 09:00 → no-answer');
    expect(cli.run(['show', '1', '--json']).stdout).toContain('"outcome": "no-answer"');
  });

  it('Ctrl-C at a prompt exits 130 and saves nothing', async () => {
    const before = cli.run(['export', 'all', '--format', 'json']).stdout;
    const session = tmux.start(shellLine(cli, ['followup', 'done', '2'], NOW, TZ));
    await tmux.waitFor(session, '? What happened?');
    tmux.keys(session, 'C-c');
    const { code, screen } = await tmux.exitCode(session);
    expect(code).toBe(130);
    expect(screen).toContain('salesctl: cancelled; nothing was saved');
    expect(cli.run(['export', 'all', '--format', 'json']).stdout).toBe(before);
  });

  it('--help documents 130', () => {
    expect(cli.run(['--help']).stdout).toContain('  130  cancelled at a prompt (Ctrl-C): nothing was saved\n');
  });
});
