// kill -9 at random moments during a large import (and during a stream of adds): the database holds
// either nothing or everything of the import, integrity_check and foreign_key_check stay clean, and the
// open-deal list keeps its trigger and matches the deals.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, checkIntegrity, cliEnv, Database, removeDir, spawnCli, tempDir } from '../reliability/support.js';
import { startWriter } from '../reliability/writers.js';
import { differingOpenDeals } from '../../src/db/openDeals.js';

const ROUNDS = Number(process.env.SALESCTL_CRASH_ROUNDS ?? 25);
const ROWS = 20_000;
const NOW = '2026-11-22T08:00:00Z';

let dir: string;
let baseline: string;
let csv: string;
/** How long one whole import of the file takes here, from spawn to exit: the kills are spread over it. */
let importMs: number;
beforeAll(async () => {
  dir = tempDir('salesctl-crash-');
  baseline = join(dir, 'baseline.db');
  for (const name of ['Budi', 'Rina', 'Sari']) expect((await spawnCli(['add', name], { SALESCTL_DB: baseline, SALESCTL_NOW: NOW })).code).toBe(0);
  csv = join(dir, 'big.csv');
  const lines = ['name,company,deal,value,note'];
  for (let i = 0; i < ROWS; i++) lines.push(`Prospect ${i},Company ${i % 500},Deal ${i},${i * 10},"a note, with ""quotes"" ${'n'.repeat(40)}"`);
  writeFileSync(csv, lines.join('\n') + '\n');
  const reference = join(dir, 'reference.db');
  copyFileSync(baseline, reference);
  const started = performance.now();
  expect(await importKilledAfter(reference, 600_000)).toEqual({ code: 0, signal: null });
  importMs = performance.now() - started;
  removeDir(reference);
});
afterAll(() => removeDir(dir));

function counts(path: string): { deals: number; prospects: number; created: number } {
  const db = new Database(path, { fileMustExist: true });
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      deals: one('SELECT COUNT(*) AS n FROM deals'),
      prospects: one('SELECT COUNT(*) AS n FROM prospects'),
      created: one("SELECT COUNT(*) AS n FROM events WHERE kind = 'created' OR kind LIKE 'import%'"),
    };
  } finally {
    db.close();
  }
}

/** open_deals after a crash: its insert trigger (set aside inside the import's transaction) is back, and it matches the deals. */
function openDealsState(path: string): { trigger: number; differing: number } {
  const db = new Database(path, { fileMustExist: true });
  try {
    const trigger = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'open_deals_insert'").pluck().get() as number;
    return { trigger, differing: differingOpenDeals(db) };
  } finally {
    db.close();
  }
}

/** Runs `salesctl import` under umask 000 and kills it with SIGKILL after `afterMs` (if still running). */
function importKilledAfter(db: string, afterMs: number): Promise<{ code: number | null; signal: string | null }> {
  const child = spawn('sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, BIN, 'import', csv], {
    env: cliEnv({ SALESCTL_DB: db, SALESCTL_NOW: NOW }),
    stdio: 'ignore',
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
  return new Promise((done) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal });
    }),
  );
}

describe('kill -9 during a large import', () => {
  it(`leaves nothing or everything, and a clean database (${ROUNDS} rounds)`, async () => {
    const outcomes = { killed: 0, finished: 0, nothing: 0, everything: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const db = join(dir, `round-${round}.db`);
      copyFileSync(baseline, db);
      const before = counts(db);
      // A fixed range of delays let every import finish once the import got fast: the delays are now spread
      // over this machine's own import time, from its start to just past its commit, one slice per round.
      const fraction = 0.05 + (1.05 * (round + Math.random())) / ROUNDS;
      const { code, signal } = await importKilledAfter(db, Math.round(importMs * fraction));
      if (signal === 'SIGKILL') outcomes.killed++;
      else {
        expect(code).toBe(0);
        outcomes.finished++;
      }
      // -wal and -shm left by the killed process are owner-only, although it ran under umask 000
      for (const extra of [`${db}-wal`, `${db}-shm`]) if (existsSync(extra)) expect([extra, statSync(extra).mode & 0o777]).toEqual([extra, 0o600]);
      expect(checkIntegrity(db)).toBe('ok');
      expect(openDealsState(db)).toEqual({ trigger: 1, differing: 0 });
      const after = counts(db);
      if (after.deals === before.deals) {
        expect(after).toEqual(before);
        outcomes.nothing++;
      } else {
        expect(after.deals).toBe(before.deals + ROWS);
        expect(after.prospects).toBe(before.prospects + ROWS);
        outcomes.everything++;
      }
      if (code === 0) expect(after.deals).toBe(before.deals + ROWS);
      // the database still works after the crash
      expect((await spawnCli(['add', 'After the crash'], { SALESCTL_DB: db, SALESCTL_NOW: NOW })).code).toBe(0);
      removeDir(db);
      for (const extra of [`${db}-wal`, `${db}-shm`]) removeDir(extra);
    }
    console.log('crash rounds:', { importMs: Math.round(importMs), ...outcomes });
    expect(outcomes.killed).toBeGreaterThan(0);
    expect(outcomes.nothing + outcomes.everything).toBe(ROUNDS);
  });
});

describe('kill -9 during a stream of adds', () => {
  it('keeps every committed add whole: each deal has its prospect and its created event', async () => {
    for (let round = 0; round < Math.ceil(ROUNDS / 3); round++) {
      const db = join(dir, `adds-${round}.db`);
      copyFileSync(baseline, db);
      const writer = startWriter(db, `W${round}`, 100_000);
      await new Promise((done) => setTimeout(done, 300 + Math.floor(Math.random() * 1200)));
      writer.child.kill('SIGKILL');
      expect((await writer).signal).toBe('SIGKILL');
      expect(checkIntegrity(db)).toBe('ok');
      expect(openDealsState(db)).toEqual({ trigger: 1, differing: 0 });
      const after = counts(db);
      expect(after.created).toBe(after.deals);
      expect(after.deals).toBeGreaterThan(3);
      removeDir(db);
      for (const extra of [`${db}-wal`, `${db}-shm`]) removeDir(extra);
    }
  });
});
