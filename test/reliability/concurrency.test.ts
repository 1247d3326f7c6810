import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { checkIntegrity, Database, dump, errorLines, removeDir, spawnCli, tempDir } from './support.js';
import { startWriter } from './writers.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir('salesctl-conc-');
  db = join(dir, 'sales.db');
});
afterEach(() => removeDir(dir));

const NOW = '2026-11-22T08:00:00Z';

/**
 * Runs `salesctl add <name>` (busy timeout 60 s) while another connection holds the write lock, released
 * once the command has had time to start and block (it would fail only after 60 s).
 */
async function addWhileLocked(name: string) {
  const holder = new Database(db);
  holder.exec('BEGIN IMMEDIATE');
  const waiting = spawnCli(['add', name], { SALESCTL_DB: db, SALESCTL_NOW: NOW, SALESCTL_BUSY_TIMEOUT_MS: '60000' });
  await new Promise((done) => setTimeout(done, 700));
  holder.exec('COMMIT');
  holder.close();
  return waiting;
}

describe('two processes writing at once', () => {
  it('lose nothing and surface no SQLITE_BUSY (2 × 150 adds)', async () => {
    const results = await Promise.all([startWriter(db, 'A', 150), startWriter(db, 'B', 150)]);
    for (const result of results) {
      expect(result.stderr).toBe('');
      expect(JSON.parse(result.stdout)).toEqual({ failures: [] });
    }
    const conn = new Database(db);
    const names = conn.prepare('SELECT p.name FROM deals d JOIN prospects p ON p.id = d.prospect_id').all() as { name: string }[];
    const events = conn.prepare("SELECT COUNT(*) AS n FROM events WHERE kind = 'created'").get() as { n: number };
    conn.close();
    expect(names).toHaveLength(300);
    expect(new Set(names.map((r) => r.name)).size).toBe(300);
    for (const label of ['A', 'B']) for (let i = 0; i < 150; i++) expect(names).toContainEqual({ name: `${label}-${i}` });
    expect(events.n).toBe(300);
    expect(checkIntegrity(db)).toBe('ok');
  });
});

describe('a lock held past the busy timeout', () => {
  it('gives "database busy, try again", exit 4, and changes nothing', async () => {
    expect((await spawnCli(['add', 'First'], { SALESCTL_DB: db, SALESCTL_NOW: NOW })).code).toBe(0);
    const before = dump(db);
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const blocked = await spawnCli(['add', 'Second', '--json'], { SALESCTL_DB: db, SALESCTL_NOW: NOW, SALESCTL_BUSY_TIMEOUT_MS: '200' });
      expect(blocked).toMatchObject({
        code: 4,
        stdout: '',
        stderr: `salesctl: database busy, try again: another program is writing to ${db} (waited past the timeout; nothing was changed)\n`,
      });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(dump(db)).toBe(before);
  });

  it('waits for a lock released within the timeout instead of failing', async () => {
    expect((await spawnCli(['add', 'First'], { SALESCTL_DB: db, SALESCTL_NOW: NOW })).code).toBe(0);
    expect((await addWhileLocked('Second')).code).toBe(0);
    const conn = new Database(db);
    expect(conn.prepare('SELECT COUNT(*) AS n FROM deals').get()).toEqual({ n: 2 });
    conn.close();
  });

  it('refuses a bad $SALESCTL_BUSY_TIMEOUT_MS with exit 2, creating nothing', async () => {
    const run = await spawnCli(['add', 'X'], { SALESCTL_DB: db, SALESCTL_NOW: NOW, SALESCTL_BUSY_TIMEOUT_MS: 'soon' });
    expect(run).toMatchObject({ code: 2, stderr: "salesctl: SALESCTL_BUSY_TIMEOUT_MS='soon' is not a number of milliseconds: use e.g. 5000 (at most 600000)\n" });
  });
});

describe('first runs at once', () => {
  it('waits while another first run holds the new file, instead of failing the switch to WAL', async () => {
    // SQLite's switch to WAL takes its write lock from inside a read transaction, where the busy handler
    // is not called: two first runs started together used to end one of them with exit 4 about once in
    // 200 tries. The holder here takes the write lock on the new file as such a first run does.
    const run = await addWhileLocked('First');
    expect([run.code, errorLines(run.stderr)]).toEqual([0, []]);
    const conn = new Database(db);
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.prepare('SELECT COUNT(*) AS n FROM deals').get()).toEqual({ n: 1 });
    conn.close();
  });

  it('eight simultaneous first runs on a missing database all succeed with the latest schema', async () => {
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) => spawnCli(['add', `P${i}`, '--json'], { SALESCTL_DB: db, SALESCTL_NOW: NOW })),
    );
    for (const run of runs) {
      expect(errorLines(run.stderr)).toEqual([]);
      expect(run.code).toBe(0);
    }
    const ids = runs.map((run) => JSON.parse(run.stdout).id).sort((a, b) => a - b);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const conn = new Database(db);
    expect(conn.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(conn.pragma('journal_mode', { simple: true })).toBe('wal');
    conn.close();
    expect(checkIntegrity(db)).toBe('ok');
  });
});
