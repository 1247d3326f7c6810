// kill -9 (and SIGTERM) at moments spread over a backup and over `export --out`: under the final name there
// is either the complete file or nothing; the retry works; and no temporary file is left behind once the
// next salesctl has written into that folder (a killed process cannot remove its own: the next one does).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cliEnv, Database, removeDir, spawnCli, tempDir } from '../reliability/support.js';

const ROUNDS = Number(process.env.SALESCTL_KILL_ROUNDS ?? 30);
const ROWS = 20_000;
const NOW = '2026-11-22T08:00:00Z';

let dir: string;
let db: string;
let reference: string;
const timing = { backup: 0, export: 0 };

function run(args: string[], signal: NodeJS.Signals, afterMs: number): Promise<{ code: number | null; signal: string | null }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: cliEnv({ SALESCTL_DB: db, SALESCTL_NOW: NOW }), stdio: 'ignore' });
  const timer = setTimeout(() => child.kill(signal), afterMs);
  return new Promise((done) =>
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      done({ code, signal: killedBy });
    }),
  );
}

async function timed(args: string[]): Promise<number> {
  const started = performance.now();
  expect(await run(args, 'SIGKILL', 600_000)).toEqual({ code: 0, signal: null });
  return performance.now() - started;
}

function temporaries(): string[] {
  return readdirSync(dir).filter((name) => name.includes('.salesctl-'));
}

function dealsIn(path: string): number {
  const copy = new Database(path, { readonly: true, fileMustExist: true });
  try {
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    return copy.prepare('SELECT count(*) FROM deals').pluck().get() as number;
  } finally {
    copy.close();
  }
}

beforeAll(async () => {
  dir = tempDir('salesctl-killed-');
  db = join(dir, 'sales.db');
  const csv = join(dir, 'big.csv');
  const lines = ['name,company,deal,value,note'];
  for (let i = 0; i < ROWS; i++) lines.push(`Prospect ${i},Company ${i % 500},Deal ${i},${i * 10},"a note ${'n'.repeat(200)}"`);
  writeFileSync(csv, lines.join('\n') + '\n');
  expect((await spawnCli(['import', csv], { SALESCTL_DB: db, SALESCTL_NOW: NOW })).code).toBe(0);
  rmSync(csv);
  reference = join(dir, 'reference.json');
  timing.export = await timed(['export', 'all', '--format', 'json', '--out', reference]);
  timing.backup = await timed(['backup', join(dir, 'timing.db')]);
  rmSync(join(dir, 'timing.db'));
});
afterAll(() => removeDir(dir));

describe('killed while writing a file', () => {
  it(`backup: the complete copy or nothing under the final name, and the retry works (${ROUNDS} rounds of kill -9)`, async () => {
    const outcomes = { killed: 0, finished: 0, nothing: 0, complete: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const target = join(dir, `backup-${round}.db`);
      const fraction = 0.05 + (1.05 * (round + Math.random())) / ROUNDS;
      const { code, signal } = await run(['backup', target], 'SIGKILL', Math.round(timing.backup * fraction));
      if (signal === 'SIGKILL') outcomes.killed++;
      else {
        expect(code).toBe(0);
        outcomes.finished++;
      }
      if (existsSync(target)) {
        expect(dealsIn(target)).toBe(ROWS);
        outcomes.complete++;
      } else {
        outcomes.nothing++;
        // The retry is not refused as "already exists", and it is complete.
        expect(await run(['backup', target], 'SIGKILL', 600_000)).toEqual({ code: 0, signal: null });
        expect(dealsIn(target)).toBe(ROWS);
      }
      // The next write into the folder removed what the killed run left (its temporary file and -journal).
      expect((await spawnCli(['backup', target], { SALESCTL_DB: db, SALESCTL_NOW: NOW })).code).toBe(2);
      expect(temporaries()).toEqual([]);
      rmSync(target);
    }
    console.log('backup kill rounds:', { backupMs: Math.round(timing.backup), ...outcomes });
    expect(outcomes.killed).toBeGreaterThan(0);
  });

  it(`export --out: the complete file or nothing under the final name (${ROUNDS} rounds of kill -9)`, async () => {
    const whole = readFileSync(reference);
    const outcomes = { killed: 0, finished: 0, nothing: 0, complete: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const target = join(dir, `export-${round}.json`);
      const fraction = 0.05 + (1.05 * (round + Math.random())) / ROUNDS;
      const { code, signal } = await run(['export', 'all', '--format', 'json', '--out', target], 'SIGKILL', Math.round(timing.export * fraction));
      if (signal === 'SIGKILL') outcomes.killed++;
      else {
        expect(code).toBe(0);
        outcomes.finished++;
      }
      if (existsSync(target)) {
        expect(readFileSync(target).equals(whole)).toBe(true);
        outcomes.complete++;
      } else outcomes.nothing++;
      expect(await run(['export', 'all', '--format', 'json', '--out', target], 'SIGKILL', 600_000)).toEqual({ code: 0, signal: null });
      expect(readFileSync(target).equals(whole)).toBe(true);
      expect(temporaries()).toEqual([]);
      rmSync(target);
    }
    console.log('export kill rounds:', { exportMs: Math.round(timing.export), ...outcomes });
    expect(outcomes.killed).toBeGreaterThan(0);
  });

  it('SIGTERM and SIGINT: the run removes its own temporary file before it dies', async () => {
    let killed = 0;
    for (let round = 0; round < 10; round++) {
      const target = join(dir, `term-${round}.json`);
      const signal = round % 2 ? 'SIGINT' : 'SIGTERM';
      const result = await run(['export', 'all', '--format', 'json', '--out', target], signal, Math.round(timing.export * (0.2 + round / 15)));
      if (result.signal) {
        killed++;
        expect(result.signal).toBe(signal);
      }
      if (existsSync(target)) expect(readFileSync(target).equals(readFileSync(reference))).toBe(true);
      // No other salesctl ran since: what is gone, the killed run removed itself.
      expect(temporaries()).toEqual([]);
      rmSync(target, { force: true });
    }
    expect(killed).toBeGreaterThan(0);
  });
});
