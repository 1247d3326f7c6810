import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database as DB } from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, busyTimeoutFrom, openDatabase } from '../../src/db/open.js';
import { translateSqliteError } from '../../src/db/sqliteErrors.js';
import { LATEST_VERSION, type Migration } from '../../src/db/migrations/index.js';
import { ExitError } from '../../src/errors.js';
import { Database, dump, hashFile, removeDir, tempDir } from '../reliability/support.js';

let dir: string;
let path: string;
beforeEach(() => {
  dir = tempDir('salesctl-open-');
  path = join(dir, 'sales.db');
});
afterEach(() => removeDir(dir));

/** Calls `open` and returns the ExitError it throws (failing the test if it does not throw one). */
function refusal(open: () => unknown): ExitError {
  try {
    const db = open() as DB;
    db.close();
  } catch (error) {
    expect(error).toBeInstanceOf(ExitError);
    return error as ExitError;
  }
  throw new Error('expected the database to be refused');
}

function closedAt(version: number, path: string, journal = 'delete'): void {
  const db = new Database(path);
  db.pragma(`journal_mode = ${journal}`);
  db.pragma(`user_version = ${version}`);
  db.close();
}

const step1: Migration = { version: 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)') };
const step2: Migration = { version: 2, name: 'tags', up: (db) => db.exec('ALTER TABLE notes ADD COLUMN tag TEXT; CREATE INDEX notes_tag ON notes (tag)') };
const failingStep2: Migration = {
  version: 2,
  name: 'half-way',
  up(db) {
    db.exec('ALTER TABLE notes ADD COLUMN tag TEXT');
    db.exec("UPDATE notes SET tag = 'changed', text = 'changed'");
    db.exec('CREATE TABLE half (id INTEGER)');
    throw new Error('disk said no');
  },
};

describe('openDatabase: a new database', () => {
  it('creates the file owner-only, in WAL mode, at the latest schema with foreign keys on', () => {
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    db.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('creates a missing data folder 0700 only when asked (the default folder), never for --db', () => {
    const nested = join(dir, 'a', 'b', 'sales.db');
    expect(refusal(() => openDatabase(nested)).message).toBe(
      `cannot open the database ${nested}: the folder ${join(dir, 'a', 'b')} does not exist (create it first)`,
    );
    expect(existsSync(join(dir, 'a'))).toBe(false);
    openDatabase(nested, { createFolder: true }).close();
    expect(statSync(join(dir, 'a', 'b')).mode & 0o777).toBe(0o700);
  });

  it('keeps the database, -wal and -shm 0600 and the folder 0700 even with umask 000', () => {
    const previous = process.umask(0);
    try {
      const nested = join(dir, 'data', 'sales.db');
      const db = openDatabase(nested, { createFolder: true });
      db.prepare("INSERT INTO prospects (name, created_at) VALUES ('Budi', '2026-01-01T00:00:00Z')").run();
      const modes = [nested, `${nested}-wal`, `${nested}-shm`, join(dir, 'data')].map((f) => [f, statSync(f).mode & 0o777]);
      db.close();
      expect(modes).toEqual([[nested, 0o600], [`${nested}-wal`, 0o600], [`${nested}-shm`, 0o600], [join(dir, 'data'), 0o700]]);
    } finally {
      process.umask(previous);
    }
  });

  it('uses the busy timeout it is given', () => {
    const db = openDatabase(path, { busyTimeoutMs: 250 });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(250);
    db.close();
  });
});

describe('openDatabase: schema safety', () => {
  it('refuses a database newer than the program with exit 4, byte-for-byte unchanged, no -wal or -shm left', () => {
    openDatabase(path).close();
    closedAt(LATEST_VERSION + 1, path);
    const before = hashFile(path);
    const error = refusal(() => openDatabase(path));
    expect(error.exitCode).toBe(4);
    expect(error.message).toBe(
      `${path} has schema version ${LATEST_VERSION + 1}, newer than this salesctl understands (${LATEST_VERSION}): upgrade salesctl; the file was not changed`,
    );
    expect(hashFile(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['sales.db']);
  });

  it('refuses a newer database left in WAL mode too, without touching it', () => {
    openDatabase(path).close();
    closedAt(LATEST_VERSION + 7, path, 'wal');
    const before = hashFile(path);
    expect(refusal(() => openDatabase(path)).exitCode).toBe(4);
    expect(hashFile(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['sales.db']);
  });

  it('writes a backup copy beside an existing database before migrating it', () => {
    const v1 = openDatabase(path, { migrations: [step1] });
    v1.prepare('INSERT INTO notes (text) VALUES (?)').run('keep me');
    v1.close();
    const before = dump(path);
    const v2 = openDatabase(path, { migrations: [step1, step2] });
    expect(v2.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.prepare('SELECT text, tag FROM notes').all()).toEqual([{ text: 'keep me', tag: null }]);
    v2.close();
    const backup = `${path}.v1.bak`;
    expect(existsSync(backup)).toBe(true);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    expect(dump(backup)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('makes no backup of a brand-new database, and none when nothing needs migrating', () => {
    openDatabase(path, { migrations: [step1, step2] }).close();
    openDatabase(path, { migrations: [step1, step2] }).close();
    expect(readdirSync(dir).filter((f) => f.includes('.bak'))).toEqual([]);
  });

  it('leaves schema and data as they were when a migration fails half-way (exit 1, one line)', () => {
    const v1 = openDatabase(path, { migrations: [step1] });
    v1.prepare('INSERT INTO notes (text) VALUES (?)').run('original');
    v1.close();
    const before = dump(path);
    const error = refusal(() => openDatabase(path, { migrations: [step1, failingStep2] }));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      `could not update ${path} to schema version 2 (half-way): disk said no; it was left unchanged at version 1`,
    );
    expect(dump(path)).toBe(before);
    expect(existsSync(`${path}.v1.bak`)).toBe(true);
    // and it still opens with the program that knows only version 1
    openDatabase(path, { migrations: [step1] }).close();
  });
});

/** A real salesctl database with `length` bytes from `offset` overwritten with garbage. */
function damaged(path: string, offset: number, length: number): void {
  const db = openDatabase(path);
  db.prepare("INSERT INTO prospects (name, created_at) VALUES ('Budi', '2026-01-01T00:00:00Z')").run();
  db.close();
  const bytes = readFileSync(path);
  bytes.fill(0xab, offset, offset + length);
  writeFileSync(path, bytes);
}

function truncated(path: string): void {
  const db = openDatabase(path);
  db.close();
  writeFileSync(path, readFileSync(path).subarray(0, 4096 + 512));
}

describe('openDatabase: bad files', () => {
  const cases: Array<[string, (p: string) => void, string]> = [
    ['a text file', (p) => writeFileSync(p, 'name,company\nBudi,PT Maju\n'), 'is not a salesctl database (not a SQLite file); the file was not changed'],
    ['a short binary file', (p) => writeFileSync(p, Buffer.from([0, 1, 2, 3])), 'is not a salesctl database (not a SQLite file); the file was not changed'],
    ['a damaged SQLite header', (p) => writeFileSync(p, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xab)])), 'is damaged (its SQLite header is not valid)'],
    ['a salesctl database with its first page overwritten', (p) => damaged(p, 100, 4096 - 100), 'is not a salesctl database or is damaged'],
    ['a salesctl database cut short', (p) => truncated(p), 'is not a salesctl database or is damaged'],
  ];
  it.each(cases)('refuses %s with exit 1, one line, and leaves it unchanged', (_name, make, expected) => {
    make(path);
    const before = hashFile(path);
    const error = refusal(() => openDatabase(path));
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(expected);
    expect(error.message).not.toContain('\n');
    expect(hashFile(path)).toBe(before);
    expect(readdirSync(dir)).toEqual(['sales.db']);
  });

  it("refuses another program's SQLite database instead of adding tables to it", () => {
    const other = new Database(path);
    other.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1)");
    other.close();
    const before = hashFile(path);
    const error = refusal(() => openDatabase(path));
    expect(error).toMatchObject({ exitCode: 1, message: `${path} is a SQLite database of another program, not salesctl's; the file was not changed` });
    expect(hashFile(path)).toBe(before);
  });

  it('refuses a folder at the database path', () => {
    mkdirSync(path);
    expect(refusal(() => openDatabase(path))).toMatchObject({ exitCode: 1, message: `cannot open the database ${path}: it is a folder, not a file` });
  });

  // Tests run as root, where chmod does not stop writes: a path under a FILE, and one under /sys (which
  // refuses new files even to root) stand in for an unwritable location.
  it('refuses a path whose folder is a file, leaving that file unchanged', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'hello');
    const target = join(file, 'sales.db');
    expect(refusal(() => openDatabase(target))).toMatchObject({ exitCode: 1, message: `cannot open the database ${target}: ${file} is a file, not a folder` });
    expect(refusal(() => openDatabase(target, { createFolder: true })).exitCode).toBe(1);
    expect(hashFile(file)).toBe(hashFile(file));
  });

  it('refuses a location where no file can be created', () => {
    const target = '/sys/salesctl-test.db';
    expect(refusal(() => openDatabase(target))).toMatchObject({ exitCode: 1, message: `cannot create the database ${target}: permission denied` });
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a read-only database file with exit 1 when it has to be written', () => {
    if (process.getuid?.() === 0) return; // root writes anyway; the mapping is covered by translateSqliteError below
    openDatabase(path).close();
    chmodSync(path, 0o400);
    expect(refusal(() => openDatabase(path)).exitCode).toBe(1);
  });
});

describe('translateSqliteError', () => {
  const sqlite = (code: string) => Object.assign(new Error(`sqlite said ${code}`), { code });
  it.each([
    ['SQLITE_BUSY', 4, 'database busy, try again: another program is writing to /x.db (waited past the timeout; nothing was changed)'],
    ['SQLITE_BUSY_SNAPSHOT', 4, 'database busy, try again'],
    ['SQLITE_LOCKED', 4, 'database busy, try again'],
    ['SQLITE_FULL', 1, 'the disk holding /x.db is full: nothing was saved; free some space and try again'],
    ['SQLITE_READONLY', 1, 'cannot write to the database /x.db: it is read-only'],
    ['SQLITE_READONLY_DBMOVED', 1, 'cannot write to the database /x.db: it is read-only'],
    ['SQLITE_CANTOPEN', 1, 'cannot open the database /x.db'],
    ['SQLITE_IOERR_WRITE', 1, 'cannot read or write the database /x.db'],
    ['SQLITE_NOTADB', 1, '/x.db is not a salesctl database or is damaged'],
    ['SQLITE_CORRUPT', 1, '/x.db is not a salesctl database or is damaged'],
  ])('maps %s to exit %i with one line', (code, exit, message) => {
    const mapped = translateSqliteError(sqlite(code), '/x.db') as ExitError;
    expect(mapped).toBeInstanceOf(ExitError);
    expect(mapped.exitCode).toBe(exit);
    expect(mapped.message.startsWith(message)).toBe(true);
    expect(mapped.message).not.toContain('\n');
  });

  it('passes other errors through (they are internal errors)', () => {
    const error = sqlite('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(translateSqliteError(error, '/x.db')).toBe(error);
  });
});

describe('busyTimeoutFrom ($SALESCTL_BUSY_TIMEOUT_MS)', () => {
  it.each([
    [undefined, BUSY_TIMEOUT_MS],
    ['', BUSY_TIMEOUT_MS],
    ['0', 0],
    ['250', 250],
    ['600000', 600_000],
  ])('reads %s as %i', (value, expected) => {
    expect(busyTimeoutFrom({ SALESCTL_BUSY_TIMEOUT_MS: value })).toBe(expected);
  });
  it.each(['-1', '1.5', 'soon', '600001', '1e3'])('refuses %s with exit 2', (value) => {
    expect(() => busyTimeoutFrom({ SALESCTL_BUSY_TIMEOUT_MS: value })).toThrow(
      `SALESCTL_BUSY_TIMEOUT_MS='${value}' is not a number of milliseconds: use e.g. 5000 (at most 600000)`,
    );
  });
});
