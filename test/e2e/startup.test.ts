// What a piped run of the built binary loads: none of node's stream, net, tty or child_process modules,
// which the table library, the colour detection, commander and the tty check would otherwise pull in.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempCli, type Cli } from './helpers.js';

let cli: Cli;
let dir: string;
let hook: string;

beforeAll(() => {
  cli = tempCli('2026-11-22T08:00:00Z', 'UTC');
  expect(cli.run(['add', 'Budi Santoso', '--company', 'PT Maju']).code).toBe(0);
  dir = mkdtempSync(join(tmpdir(), 'salesctl-startup-'));
  hook = join(dir, 'modules.cjs');
  writeFileSync(hook, `process.on('exit', () => require('fs').writeFileSync(process.env.MODULES_OUT, process.moduleLoadList.join('\\n')));\n`);
});

afterAll(() => {
  cli?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function modulesOf(args: string[]): string[] {
  const out = join(dir, 'modules.txt');
  const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
  const run = spawnSync(process.execPath, ['-r', hook, BIN, ...args], {
    env: { ...env, SALESCTL_DB: cli.dbPath, SALESCTL_NOW: '2026-11-22T08:00:00Z', TZ: 'UTC', MODULES_OUT: out },
    stdio: ['pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  expect(run.status).toBe(0);
  return readFileSync(out, 'utf8').split('\n');
}

describe('a piped run of the built binary', () => {
  it.each([[['due']], [['list']], [['add', 'Ana', '--company', 'PT Baru']], [['show', '1', '--json']]])('%j loads no stream, net, tty or child_process', (args) => {
    const heavy = modulesOf(args).filter((m) => /^NativeModule (stream|net|tty|child_process|dgram)$/.test(m));
    expect(heavy).toEqual([]);
  });
});

describe('the everyday commands load no package from node_modules but the SQLite addon', () => {
  // Heavy packages (CSV, prompts, dates, calendar, MCP) are external to the bundle and load on first use; a
  // static import of one on these paths costs a file read and a compile without the code cache (commit
  // loaded csv-stringify through render/deals.ts for a date format: about 1.5 ms).
  const packagesOf = (args: string[]) => {
    const out = join(dir, 'files.txt');
    const { NODE_EXTRA_CA_CERTS: _, ...env } = process.env;
    const files = join(dir, 'files.cjs');
    writeFileSync(files, `process.on('exit', () => require('fs').writeFileSync(process.env.FILES_OUT, Object.keys(require.cache).join('\\n')));\n`);
    const run = spawnSync(process.execPath, ['-r', files, BIN, ...args], {
      env: { ...env, SALESCTL_DB: cli.dbPath, SALESCTL_NOW: '2026-11-22T08:00:00Z', TZ: 'UTC', FILES_OUT: out },
      encoding: 'utf8',
    });
    expect(run.stderr).not.toMatch(/^salesctl:/m);
    return readFileSync(out, 'utf8').split('\n').filter((f) => f.includes('/node_modules/') && !f.endsWith('better_sqlite3.node'));
  };
  it.each([[['due']], [['add', 'Rina', '--company', 'Toko Rina']], [['followup', '1', '--at', '2026-11-25 10:00']], [['commit', '1', 'low', 'decide next week']], [['list']]])(
    '%j',
    (args) => {
      expect(packagesOf(args)).toEqual([]);
    },
  );
});
