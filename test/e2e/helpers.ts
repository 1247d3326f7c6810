// Running the built bin/salesctl.js as a user would, on a temporary database.
import { spawnSync } from 'node:child_process';
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../bin/salesctl.js');

export interface Cli {
  dir: string;
  dbPath: string;
  /** Runs salesctl with the fixed clock and zone; stdin is empty and not a terminal. */
  run(args: string[], env?: Record<string, string>, input?: string): { code: number; stdout: string; stderr: string };
  cleanup(): void;
}

export function tempCli(now = '2026-11-22T08:00:00Z', tz = 'UTC'): Cli {
  const dir = mkdtempSync(join(tmpdir(), 'salesctl-e2e-'));
  const dbPath = join(dir, 'sales.db');
  return {
    dir,
    dbPath,
    run(args, env = {}, input = '') {
      const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
      const result = spawnSync(process.execPath, [BIN, ...args], {
        env: { ...base, SALESCTL_DB: dbPath, SALESCTL_NOW: now, TZ: tz, NO_COLOR: '', ...env },
        input,
        encoding: 'utf8',
        timeout: 30_000,
      });
      return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A `cli(tz)` that makes a temporary salesctl at `now` in zone `tz` (default Asia/Jakarta) for one test, each
 * removed after the test (call at the top of a test file).
 */
export function cliPerTest(now: string): (tz?: string) => Cli {
  const clis: Cli[] = [];
  afterEach(() => clis.splice(0).forEach((c) => c.cleanup()));
  return (tz = 'Asia/Jakarta') => {
    const c = tempCli(now, tz);
    clis.push(c);
    return c;
  };
}
