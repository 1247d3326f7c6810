import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { harness, runOnFile } from '../helpers.js';

const NOW = '2026-11-22T08:00:00Z';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesctl-backup-'));
  chmodSync(dir, 0o700);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (db: string, argv: string[], tty = false) => runOnFile(db, argv, { tty, now: NOW });

describe('backup', () => {
  it('writes a consistent owner-only copy that opens as the same data', async () => {
    const db = join(dir, 'sales.db');
    await run(db, ['add', 'Budi', '--company', 'PT Maju', '--value', '1500']);
    const copy = join(dir, 'copy.db');
    const r = await run(db, ['backup', copy, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ file: copy, bytes: statSync(copy).size, schema_version: LATEST_VERSION, database: db });
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const original = (await run(db, ['export', 'all', '--format', 'json'])).stdout;
    expect((await run(copy, ['export', 'all', '--format', 'json'])).stdout).toBe(original);
  });

  it('works while another connection holds a write transaction', async () => {
    const db = join(dir, 'sales.db');
    await run(db, ['add', 'Budi']);
    const other = new Database(db);
    other.prepare('BEGIN IMMEDIATE').run();
    other.prepare("INSERT INTO prospects (name, created_at) VALUES ('uncommitted', 'x')").run();
    try {
      const r = await run(db, ['backup', join(dir, 'busy.db')]);
      expect(r.code).toBe(0);
      const names = new Database(join(dir, 'busy.db'), { readonly: true }).prepare('SELECT name FROM prospects').pluck().all();
      expect(names).toEqual(['Budi']);
    } finally {
      other.prepare('ROLLBACK').run();
      other.close();
    }
  });

  it('prints one line on a terminal and in a pipe', async () => {
    const h = harness(NOW);
    const r = await h.run(['backup', join(dir, 'b.db')]);
    expect(r.stdout).toMatch(new RegExp(`^Backed up :memory: to ${join(dir, 'b.db')} \\(\\d+\\.\\d KB\\)\\n$`));
  });

  it('never replaces a file (exit 2, the file is left as it was)', async () => {
    const h = harness(NOW);
    const target = join(dir, 'exists.db');
    writeFileSync(target, 'precious');
    expect(await h.run(['backup', target])).toEqual({
      code: 2, stdout: '', stderr: `salesctl: ${target} already exists: give a new file name (a backup never replaces a file)\n`,
    });
    expect(readFileSync(target, 'utf8')).toBe('precious');
    const missing = await h.run(['backup', join(dir, 'no', 'such', 'x.db')]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('doctor', () => {
  it('reports a healthy database as a table on a terminal, rows in a pipe, and JSON', async () => {
    const db = join(dir, 'sales.db');
    await run(db, ['add', 'Budi']);
    const size = statSync(db).size;
    const r = await run(db, ['doctor'], true);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'Check            Result',
        `database         ${db} (${(size / 1024).toFixed(1)} KB)`,
        'permissions      file 0600, folder 0700',
        'header and -wal  ok',
        `schema version   ${LATEST_VERSION} (this salesctl writes ${LATEST_VERSION})`,
        'integrity        ok',
        'foreign keys     ok',
        'open-deal list   ok',
        'undo log         ok',
        'stored values    ok (3 rows)',
        'no problems found',
        '',
      ].join('\n'),
    );
    expect((await run(db, ['doctor'])).stdout).toBe(
      `database\t${db} (${(size / 1024).toFixed(1)} KB)\npermissions\tfile 0600, folder 0700\nheader and -wal\tok\nschema version\t${LATEST_VERSION} (this salesctl writes ${LATEST_VERSION})\n` +
        'integrity\tok\nforeign keys\tok\nopen-deal list\tok\nundo log\tok\nstored values\tok (3 rows)\n',
    );
    expect(JSON.parse((await run(db, ['doctor', '--json'])).stdout)).toEqual({
      ok: true, path: db, exists: true, size_bytes: size, schema_version: LATEST_VERSION, latest_version: LATEST_VERSION, integrity: ['ok'],
      foreign_key_violations: [], permissions: { file: '0600', folder: '0700', owner_only: true }, problems: [], warnings: [],
      checks: [
        { check: 'permissions', result: 'file 0600, folder 0700', ok: true },
        { check: 'header and -wal', result: 'ok', ok: true },
        { check: 'schema version', result: `${LATEST_VERSION} (this salesctl writes ${LATEST_VERSION})`, ok: true },
        { check: 'integrity', result: 'ok', ok: true },
        { check: 'foreign keys', result: 'ok', ok: true },
        { check: 'open-deal list', result: 'ok', ok: true },
        { check: 'undo log', result: 'ok', ok: true },
        { check: 'stored values', result: 'ok (3 rows)', ok: true },
      ],
    });
  });

  it('exits 1 when others can read the file, naming the fix', async () => {
    const db = join(dir, 'sales.db');
    await run(db, ['add', 'Budi']);
    chmodSync(db, 0o644);
    const r = await run(db, ['doctor', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, permissions: { file: '0644', owner_only: false } });
    expect(JSON.parse(r.stdout).problems).toEqual([`others can read ${db} (mode 0644): run chmod 600 ${db}`]);
    expect(r.stderr).toBe(`salesctl: doctor found 1 problem with ${db} (see "problems")\n`);
  });

  it('exits 1 on broken references, which integrity_check does not see', async () => {
    const db = join(dir, 'sales.db');
    await run(db, ['add', 'Budi']);
    const raw = new Database(db);
    raw.pragma('foreign_keys = OFF');
    raw.prepare("INSERT INTO followups (deal_id, due_at, channel, purpose, created_at) VALUES (99, 'x', 'call', 'follow-up', 'x')").run();
    raw.close();
    const r = await run(db, ['doctor', '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.integrity).toEqual(['ok']);
    expect(report.foreign_key_violations).toEqual([{ table: 'followups', rowid: 1, parent: 'deals' }]);
    expect(report.problems[0]).toBe('1 row refers to missing records (first: followups row 1 → deals)');
    expect(r.stderr).toBe(`salesctl: doctor found 2 problems with ${db} (see "problems")\n`);
  });

  it('exits 1 on a file that is not a database, without changing it', async () => {
    const db = join(dir, 'sales.db');
    writeFileSync(db, 'this is not sqlite, just text that is long enough to look like a header.'.repeat(20), { mode: 0o600 });
    const before = readFileSync(db);
    const r = await run(db, ['doctor', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems[0]).toMatch(/is not a salesctl database/);
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('does not create a database that is not there', async () => {
    const db = join(dir, 'none.db');
    const r = await run(db, ['doctor', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, exists: false, warnings: [`no database at ${db} yet: the first command that saves something creates it`] });
    expect(existsSync(db)).toBe(false);
  });
});
