// Migration 5 (deal-life): a version-4 database keeps every row, gains the rhythm, the contact time and the
// undo log, and its dumps still round-trip with the log left out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { openDatabase } from '../../src/db/open.js';
import { inTransaction } from '../../src/db/transaction.js';
import { checkUndoLog, recentChanges, revertChange } from '../../src/db/undoLog.js';
import { runOnFile } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'salesctl-m5-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tables = ['prospects', 'deals', 'commitments', 'followups', 'postmortems', 'postmortem_causes', 'journal', 'events', 'open_deals'];
const rowsOf = (db: ReturnType<typeof openDatabase>) =>
  JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));

describe('migration 5: deal life', () => {
  it('upgrades a version-4 database with data, keeping every row, and logs the changes after it', async () => {
    const path = join(dir, 'v4.db');
    const v4 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 4) });
    v4.close();
    // Write version-4 rows the way a version-4 salesctl did (no cadence, no contact_at, no log).
    const old = openDatabase(path, { migrations: MIGRATIONS.slice(0, 4) });
    old.exec(`
      INSERT INTO prospects (id, name, company, tz, created_at) VALUES (1, 'Budi', 'PT Maju', 'Asia/Jakarta', '2026-11-01T00:00:00.000Z');
      INSERT INTO deals (id, prospect_id, title, value_minor, currency, created_at) VALUES (1, 1, 'Fleet', 150000, 'USD', '2026-11-01T00:00:00.000Z');
      INSERT INTO deals (id, prospect_id, title, status, created_at, closed_at) VALUES (2, 1, 'Boat', 'not-now', '2026-11-01T00:00:00.000Z', '2026-11-02T00:00:00.000Z');
      INSERT INTO followups (deal_id, due_at, channel, purpose, status, outcome, created_at, completed_at)
        VALUES (1, '2026-11-05T03:00:00.000Z', 'call', 'follow-up', 'done', 'reached', '2026-11-01T00:00:00.000Z', '2026-11-05T04:00:00.000Z');
      INSERT INTO commitments (deal_id, kind, what, created_at) VALUES (1, 'low', 'maybe', '2026-11-06T00:00:00.000Z');
      INSERT INTO events (deal_id, at, kind, summary) VALUES (1, '2026-11-01T00:00:00.000Z', 'created', 'deal created');
    `);
    const before = rowsOf(old);
    old.close();

    const db = openDatabase(path, { migrations: MIGRATIONS.slice(0, 5) });
    expect(schemaVersion(db)).toBe(5);
    // Every row is still there; the new columns are empty.
    const after = JSON.parse(rowsOf(db)) as Array<Array<Record<string, unknown>>>;
    const stripped = after.map((rows) => rows.map(({ cadence: _c, contact_at: _a, ...rest }) => rest));
    expect(JSON.stringify(stripped)).toBe(before);
    expect(db.prepare('SELECT cadence FROM deals').pluck().all()).toEqual([null, null]);
    expect(recentChanges(db)).toEqual([]);
    expect(checkUndoLog(db)).toEqual([]);
    db.close();

    // The first change after the upgrade can be undone, and leaves the rows as the upgrade did.
    const upgraded = openDatabase(path);
    const rows = rowsOf(upgraded);
    upgraded.close();
    expect((await runOnFile(path, ['reopen', '2'])).code).toBe(0);
    expect((await runOnFile(path, ['cadence', '1', '2w'])).code).toBe(0);
    const again = openDatabase(path);
    expect(recentChanges(again).map((c) => c.description)).toEqual(['#1 Fleet — Budi: rhythm changed', '#2 Boat — Budi: reopened (was not-now)']);
    inTransaction(again, () => revertChange(again, 2));
    inTransaction(again, () => revertChange(again, 1));
    expect(rowsOf(again)).toBe(rows);
    expect(recentChanges(again)).toEqual([]);
    again.close();
  });

  it('leaves the undo log out of a dump, and a restore is one change that undoes to an empty database', async () => {
    const source = join(dir, 'source.db');
    for (const argv of [['add', 'Ann', '--every', '2w'], ['followup', '1', '--at', '2026-11-23 10:00'], ['followup', 'done', '1', '--outcome', 'reached', '--at', '2026-11-22 07:00']]) {
      expect((await runOnFile(source, argv)).code).toBe(0);
    }
    const dump = join(dir, 'dump.json');
    expect((await runOnFile(source, ['export', 'all', '--format', 'json', '--out', dump])).code).toBe(0);
    const text = JSON.parse((await runOnFile(source, ['export', 'all', '--format', 'json'])).stdout);
    expect(Object.keys(text)).toEqual(['format', 'version', 'schema_version', 'exported_at', 'prospects', 'deals', 'commitments', 'followups', 'postmortems', 'journal', 'events']);
    expect(text.deals[0].cadence).toBe('2w');
    expect(text.followups[0].contact_at).toBe('2026-11-22T07:00:00.000Z');

    const target = join(dir, 'target.db');
    expect((await runOnFile(target, ['import', dump])).code).toBe(0);
    const restored = JSON.parse((await runOnFile(target, ['export', 'all', '--format', 'json'])).stdout);
    expect({ ...restored, exported_at: null }).toEqual({ ...text, exported_at: null });
    const undo = await runOnFile(target, ['undo', '--yes']);
    expect(undo.stdout).toBe('Undone change #1: restore of dump.json into the empty database\n');
    const empty = JSON.parse((await runOnFile(target, ['export', 'all', '--format', 'json'])).stdout);
    for (const table of ['prospects', 'deals', 'followups', 'events']) expect(empty[table]).toEqual([]);
  });
});

describe('doctor checks the undo log', () => {
  it('reports a missing trigger, a stuck current change and orphan rows; a whole log has no problem', async () => {
    const path = join(dir, 'doctor.db');
    expect((await runOnFile(path, ['add', 'Budi'])).code).toBe(0);
    const db = openDatabase(path);
    expect(checkUndoLog(db)).toEqual([]);
    db.exec('DROP TRIGGER undo_followups_update; UPDATE undo_current SET change_id = 7;');
    db.exec("INSERT INTO undo_log (change_id, tbl, op, row_id) VALUES (42, 'deals', 'insert', 1), (NULL, 'sqlite_master', 'insert', 1)");
    expect(checkUndoLog(db)).toEqual([
      "the undo log is incomplete: 1 of its triggers is missing (first: undo_followups_update); 'salesctl undo' may not revert every change",
      "the undo log's current-change marker is wrong (1 rows, change 7): it should be one row with no change",
      '1 undo log row names a table salesctl does not log',
      '1 undo log row belongs to no change',
    ]);
    db.close();
    const doctor = await runOnFile(path, ['doctor', '--json']);
    expect(doctor.code).toBe(1);
    expect(JSON.parse(doctor.stdout).problems).toContain("the undo log is incomplete: 1 of its triggers is missing (first: undo_followups_update); 'salesctl undo' may not revert every change");
  });
});
