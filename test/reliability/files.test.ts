// Bad files, newer databases and privacy, through the built binary as a user runs it.
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { Database, dump, hashFile, removeDir, spawnCli, tempDir } from './support.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir('salesctl-files-');
  db = join(dir, 'sales.db');
});
afterEach(() => removeDir(dir));

const NOW = '2026-11-22T08:00:00Z';
const run = (args: string[], env: Record<string, string> = {}) => spawnCli(args, { SALESCTL_DB: db, SALESCTL_NOW: NOW, ...env });

/** A refusal: the exit code, and exactly one line on stderr, no stack trace, nothing on stdout. */
function expectOneLine(result: { code: number | null; stdout: string; stderr: string }, code: number, line: string): void {
  expect(result).toEqual({ code, signal: null, stdout: '', stderr: `salesctl: ${line}\n` });
}

describe('bad files at the database path', () => {
  it('a text file: exit 1, one line, unchanged', async () => {
    writeFileSync(db, 'name,company\nBudi,PT Maju\n');
    const before = hashFile(db);
    expectOneLine(await run(['add', 'X']), 1, `${db} is not a salesctl database (not a SQLite file); the file was not changed`);
    expect(hashFile(db)).toBe(before);
    expect(readdirSync(dir)).toEqual(['sales.db']);
  });

  it('a salesctl database with a damaged first page: exit 1, one line, unchanged', async () => {
    expect((await run(['add', 'Budi'])).code).toBe(0);
    const conn = new Database(db);
    conn.pragma('journal_mode = delete');
    conn.close();
    const bytes = (await import('node:fs')).readFileSync(db);
    bytes.fill(0x5a, 100, 4096);
    writeFileSync(db, bytes);
    const before = hashFile(db);
    const result = await run(['add', 'X']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^salesctl: ${db} is not a salesctl database or is damaged \\(.*\\); run 'salesctl doctor'\\n$`));
    expect(hashFile(db)).toBe(before);
  });

  it('a missing folder given with --db: exit 1, one line, nothing created', async () => {
    const target = join(dir, 'nowhere', 'sales.db');
    expectOneLine(await run(['--db', target, 'add', 'X']), 1, `cannot open the database ${target}: the folder ${join(dir, 'nowhere')} does not exist (create it first)`);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  // Tests run as root, where chmod does not stop writes: a path under a FILE, and one under /sys (which
  // refuses new files even to root), stand in for an unwritable location.
  it('a folder that is really a file: exit 1, one line, the file unchanged', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'my notes');
    const before = hashFile(file);
    expectOneLine(await run(['add', 'X'], { SALESCTL_DB: join(file, 'sales.db') }), 1, `cannot open the database ${join(file, 'sales.db')}: ${file} is a file, not a folder`);
    expect(hashFile(file)).toBe(before);
  });

  it('an unwritable location: exit 1, one line', async () => {
    expectOneLine(await run(['add', 'X'], { SALESCTL_DB: '/sys/salesctl.db' }), 1, 'cannot create the database /sys/salesctl.db: permission denied');
    expect(existsSync('/sys/salesctl.db')).toBe(false);
  });

  it('a default data folder that cannot be created: exit 1, one line', async () => {
    const file = join(dir, 'data');
    writeFileSync(file, '');
    const result = await spawnCli(['add', 'X'], { SALESCTL_DB: undefined, SALESCTL_NOW: NOW, XDG_DATA_HOME: file });
    expectOneLine(result, 1, `cannot open the database ${join(file, 'salesctl', 'salesctl.db')}: a part of the path is a file, not a folder`);
    expect(hashFile(file)).toBe(hashFile(join(dir, 'data')));
  });
});

describe('a database newer than this salesctl', () => {
  it('is refused with exit 4 and left byte-for-byte unchanged, with no -wal or -shm', async () => {
    expect((await run(['add', 'Budi'])).code).toBe(0);
    const conn = new Database(db);
    conn.pragma('journal_mode = delete');
    conn.pragma(`user_version = ${LATEST_VERSION + 1}`);
    conn.close();
    const before = hashFile(db);
    expectOneLine(
      await run(['add', 'X']),
      4,
      `${db} has schema version ${LATEST_VERSION + 1}, newer than this salesctl understands (${LATEST_VERSION}): upgrade salesctl; the file was not changed`,
    );
    expect(hashFile(db)).toBe(before);
    expect(readdirSync(dir)).toEqual(['sales.db']);
  });
});

describe('privacy under a permissive umask (umask 000)', () => {
  it('creates the data folder 0700 and the database 0600', async () => {
    const data = join(dir, 'xdg');
    const result = await spawnCli(['add', 'Budi'], { SALESCTL_DB: undefined, SALESCTL_NOW: NOW, XDG_DATA_HOME: data }, { umask: '000' });
    expect(result.code).toBe(0);
    expect(statSync(join(data, 'salesctl')).mode & 0o777).toBe(0o700);
    expect(statSync(join(data, 'salesctl', 'salesctl.db')).mode & 0o777).toBe(0o600);
  });

  it('keeps -wal and -shm 0600 while the database is in use', async () => {
    expect((await spawnCli(['add', 'Budi'], { SALESCTL_DB: db, SALESCTL_NOW: NOW }, { umask: '000' })).code).toBe(0);
    // a reader keeps the WAL files in place after salesctl exits (the last connection removes them)
    const reader = new Database(db, { readonly: true });
    reader.prepare('SELECT COUNT(*) FROM deals').get();
    try {
      expect((await spawnCli(['add', 'Rina'], { SALESCTL_DB: db, SALESCTL_NOW: NOW }, { umask: '000' })).code).toBe(0);
      for (const file of [db, `${db}-wal`, `${db}-shm`]) expect([file, statSync(file).mode & 0o777]).toEqual([file, 0o600]);
    } finally {
      reader.close();
    }
  });
});

describe('an existing folder', () => {
  it('is used as it is: salesctl does not change the permissions of a folder it did not create', async () => {
    const shared = join(dir, 'shared');
    mkdirSync(shared, { mode: 0o755 });
    const result = await run(['add', 'X'], { SALESCTL_DB: join(shared, 'sales.db') });
    expect(result.code).toBe(0);
    expect(statSync(shared).mode & 0o777).toBe(0o755);
    expect(statSync(join(shared, 'sales.db')).mode & 0o777).toBe(0o600);
    expect(dump(join(shared, 'sales.db'))).toContain('"X"');
  });
});
