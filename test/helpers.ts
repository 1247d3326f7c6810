// Running commands in-process against an in-memory database with a fixed clock and zone.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as DB } from 'better-sqlite3';
import { afterAll } from 'vitest';
import { openDatabase } from '../src/db/open.js';
import { runCli } from '../src/main.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface Harness {
  db: DB;
  /** Runs `salesctl <argv>` as if in a terminal (tty: true) or a pipe (default); colour only with color: true. */
  run(argv: string[], options?: { tty?: boolean; color?: boolean; now?: string; zone?: string; env?: Record<string, string>; width?: number }): Promise<Run>;
}

/** A fresh in-memory salesctl with the clock at `now` in `zone`. */
export function harness(now = '2026-11-22T08:00:00Z', zone = 'UTC'): Harness {
  const db = openDatabase(':memory:');
  return {
    db,
    async run(argv, options = {}) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        env: { SALESCTL_NOW: options.now ?? now, ...(options.color ? {} : { NO_COLOR: '1' }), ...options.env },
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        isTTY: Boolean(options.tty),
        interactive: false,
        database: db,
        zone: options.zone ?? zone,
        width: options.width,
      });
      return { code, stdout, stderr };
    },
  };
}

/** Runs salesctl in-process on the database file `db` (not in memory), as a pipe or a terminal, at `now` in UTC. */
export async function runOnFile(db: string, argv: string[], { tty = false, now = '2026-11-22T08:00:00Z' } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['--db', db, ...argv], {
    env: { SALESCTL_NOW: now, NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: tty,
    interactive: false,
    zone: 'UTC',
  });
  return { code, stdout, stderr };
}

/**
 * A temporary folder for the files a test file writes, removed after its tests. `file` puts `content` in a
 * new file there (named `name`, else `<stem><n>.csv`) and returns its path.
 */
export function tempFiles(prefix: string, stem: string): { dir: string; file: (content: string | Buffer, name?: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    dir,
    file(content, name = `${stem}${++n}.csv`) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** Every row of every table, to prove that a refused command changed nothing. */
export function snapshot(db: DB): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

export { Database };
