// Bigger concurrency runs than npm test affords: several writers, separate processes, repeated first runs.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { checkIntegrity, Database, errorLines, removeDir, spawnCli, tempDir } from '../reliability/support.js';
import { startWriter } from '../reliability/writers.js';

const NOW = '2026-11-22T08:00:00Z';

function dealNames(db: string): string[] {
  const conn = new Database(db, { fileMustExist: true });
  try {
    return (conn.prepare('SELECT p.name FROM deals d JOIN prospects p ON p.id = d.prospect_id').all() as { name: string }[]).map((r) => r.name);
  } finally {
    conn.close();
  }
}

describe('many writers at once', () => {
  it('four processes adding 500 deals each lose nothing and surface no SQLITE_BUSY', async () => {
    const dir = tempDir('salesctl-long-conc-');
    const db = join(dir, 'sales.db');
    try {
      const results = await Promise.all(['A', 'B', 'C', 'D'].map((label) => startWriter(db, label, 500)));
      for (const result of results) {
        expect(result.stderr).toBe('');
        expect(JSON.parse(result.stdout)).toEqual({ failures: [] });
      }
      const names = dealNames(db);
      expect(names).toHaveLength(2000);
      expect(new Set(names).size).toBe(2000);
      expect(checkIntegrity(db)).toBe('ok');
    } finally {
      removeDir(dir);
    }
  });

  it('two shell loops of `salesctl add` (separate processes) lose nothing', async () => {
    const dir = tempDir('salesctl-long-loop-');
    const db = join(dir, 'sales.db');
    const loop = (label: string) =>
      spawnCli(['add', `${label}-0`], { SALESCTL_DB: db, SALESCTL_NOW: NOW }).then(async (first) => {
        const outcomes = [first];
        for (let i = 1; i < 60; i++) outcomes.push(await spawnCli(['add', `${label}-${i}`], { SALESCTL_DB: db, SALESCTL_NOW: NOW }));
        return outcomes;
      });
    try {
      const all = (await Promise.all([loop('L'), loop('R')])).flat();
      for (const run of all) {
        expect(errorLines(run.stderr)).toEqual([]);
        expect(run.code).toBe(0);
      }
      expect(new Set(dealNames(db)).size).toBe(120);
      expect(checkIntegrity(db)).toBe('ok');
    } finally {
      removeDir(dir);
    }
  });
});

describe('first runs at once, repeatedly', () => {
  it('eight simultaneous first runs succeed with the latest schema, ten times over', async () => {
    for (let round = 0; round < 10; round++) {
      const dir = tempDir('salesctl-long-first-');
      const db = join(dir, 'sales.db');
      try {
        const runs = await Promise.all(Array.from({ length: 8 }, (_, i) => spawnCli(['add', `P${i}`], { SALESCTL_DB: db, SALESCTL_NOW: NOW })));
        for (const run of runs) expect([round, run.code, errorLines(run.stderr)]).toEqual([round, 0, []]);
        const conn = new Database(db);
        expect(conn.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
        conn.close();
        expect(dealNames(db)).toHaveLength(8);
      } finally {
        removeDir(dir);
      }
    }
  });
});
