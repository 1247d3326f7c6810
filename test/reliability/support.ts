// Shared by the reliability tests: temporary folders, file hashes, spawning the built binary concurrently.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const BIN = resolve(__dirname, '../../bin/salesctl.js');
export const DIST_MAIN = resolve(__dirname, '../../dist/main.js');

/** A fresh temporary folder; remove it with `rmSync(dir, { recursive: true, force: true })`. */
export function tempDir(prefix = 'salesctl-rel-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The SHA-256 of a file, or 'missing'. */
export function hashFile(path: string): string {
  return existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'missing';
}

export interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** The environment of a spawned salesctl: this process's, minus anything that would colour or redirect it. */
export function cliEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
  const { NODE_EXTRA_CA_CERTS: _a, SALESCTL_DB: _b, SALESCTL_NOW: _c, ...base } = process.env;
  const env: Record<string, string> = { ...(base as Record<string, string>), NO_COLOR: '1', TZ: 'UTC' };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Runs `node bin/salesctl.js <args>` without waiting synchronously, so several can run at once. */
export function spawnCli(args: string[], env: Record<string, string | undefined>, options: { umask?: string; input?: string } = {}): Running {
  const child = options.umask
    ? spawn('sh', ['-c', `umask ${options.umask}; exec "$0" "$@"`, process.execPath, BIN, ...args], { env: cliEnv(env) })
    : spawn(process.execPath, [BIN, ...args], { env: cliEnv(env) });
  return collect(child, options.input);
}

/** Runs a node script (ESM source text) with `args`. */
export function spawnNode(source: string, args: string[], env: Record<string, string | undefined> = {}): Running {
  const child = spawn(process.execPath, ['--input-type=module', '-e', source, ...args], { env: cliEnv(env), cwd: resolve(__dirname, '../..') });
  return collect(child);
}

/** A spawned process still running: await it for its outcome, or reach `child` to kill it. */
export type Running = Promise<Spawned> & { child: ChildProcess };

function collect(child: ChildProcess, input = ''): Running {
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  child.stdin!.end(input);
  const outcome = new Promise<Spawned>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
  });
  return Object.assign(outcome, { child });
}

/** The schema (sqlite_master) and every row of every table, read with a plain connection. */
export function dump(path: string): string {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
    const rows = tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]);
    return JSON.stringify({ version: db.pragma('user_version', { simple: true }), schema, rows });
  } finally {
    db.close();
  }
}

/** PRAGMA integrity_check and foreign_key_check, as one string: 'ok' when clean. */
export function checkIntegrity(path: string): string {
  const db = new Database(path, { fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreign = db.pragma('foreign_key_check') as unknown[];
    return integrity === 'ok' && foreign.length === 0 ? 'ok' : `${integrity}; foreign keys: ${JSON.stringify(foreign)}`;
  } finally {
    db.close();
  }
}

/** Every line of stderr that is neither a hint nor a warning. */
export function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line && !line.startsWith('hint: ') && !line.startsWith('warning: '));
}

export { Database };
