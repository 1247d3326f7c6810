// open_deals (migration 4) is derived data: whatever writes the tables it comes from, it must equal
// OPEN_DEALS_VIEW. These tests write through the commands, through import and restore, and by hand.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { migrate } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import { OPEN_DEALS_VIEW } from '../../src/db/migrations/0006-open-deal-steps.js';
import { harness, runOnFile } from '../helpers.js';
import { morning, ok } from '../commands/followups-fixture.js';

const board = (db: Database) => db.prepare('SELECT * FROM open_deals ORDER BY deal_id').raw().all();
const view = (db: Database) => db.prepare(`${OPEN_DEALS_VIEW} ORDER BY d.id`).raw().all();
const expectInStep = (db: Database) => expect(board(db)).toEqual(view(db));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesctl-open-deals-'));
  chmodSync(dir, 0o700);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('open_deals, the open deals as due reads them', () => {
  it('follows the commands of a working day', async () => {
    const h = await morning();
    const db = h.db;
    expectInStep(db);
    expect(board(db)).toHaveLength(5);
    await ok(h, ['followup', 'done', '8', '--outcome', 'no-answer']);
    expectInStep(db);
    expect(db.prepare('SELECT last_outcome, previous_outcome FROM open_deals WHERE deal_id = 5').get()).toEqual({ last_outcome: 'no-answer', previous_outcome: 'voicemail' });
    await ok(h, ['commit', '3', 'low', 'decide next week']);
    expectInStep(db);
    expect(db.prepare('SELECT commitment FROM open_deals WHERE deal_id = 3').pluck().get()).toBe('low');
    await ok(h, ['commit', 'kept', '1']);
    expectInStep(db);
    await ok(h, ['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Second fleet']);
    expectInStep(db);
    await ok(h, ['close', '2', 'won']);
    await ok(h, ['close', '4', 'lost', '--reason', 'price']);
    await ok(h, ['close', '3', 'not-now', '--revisit', '2027-01-10']);
    expectInStep(db);
    expect((board(db) as unknown[][]).map((row) => row[0])).toEqual([1, 5, 6]);
  });

  it('follows hand edits of deals and prospects', () => {
    const h = harness();
    const db = h.db;
    db.exec(`
      INSERT INTO prospects (id, name, company, created_at) VALUES (1, 'Ann', 'Acme', '2026-01-01T00:00:00.000Z'), (2, 'Bo', '', '2026-01-01T00:00:00.000Z');
      INSERT INTO deals (id, prospect_id, title, status, created_at) VALUES
        (1, 1, 'A', 'open', '2026-01-01T00:00:00.000Z'), (2, 1, 'B', 'won', '2026-01-02T00:00:00.000Z'), (3, 2, 'C', 'open', '2026-01-03T00:00:00.000Z');
    `);
    expectInStep(db);
    for (const edit of [
      "UPDATE prospects SET name = 'Anne', company = 'Acme Ltd' WHERE id = 1",
      "UPDATE deals SET status = 'open' WHERE id = 2",
      "UPDATE deals SET title = 'A2' WHERE id = 1",
      'UPDATE deals SET prospect_id = 2 WHERE id = 1',
      "UPDATE deals SET status = 'lost' WHERE id = 3",
      "UPDATE deals SET created_at = '2026-02-01T00:00:00.000Z' WHERE id = 2",
      'DELETE FROM deals WHERE id = 3',
      'UPDATE deals SET id = 30 WHERE id = 2',
    ]) {
      db.exec(edit);
      expectInStep(db);
    }
  });

  it('stays in step under any sequence of writes (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('deal' as const), prospect: fc.integer({ min: 1, max: 3 }), status: fc.constantFrom('open', 'won', 'lost', 'not-now') }),
      fc.record({ kind: fc.constant('status' as const), deal: fc.integer({ min: 1, max: 8 }), status: fc.constantFrom('open', 'won', 'lost', 'not-now') }),
      fc.record({ kind: fc.constant('rename' as const), prospect: fc.integer({ min: 1, max: 3 }), name: fc.constantFrom('Ann', 'ann', 'Bo', 'Cy\u0000x') }),
      fc.record({ kind: fc.constant('move' as const), deal: fc.integer({ min: 1, max: 8 }), prospect: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('done' as const), deal: fc.integer({ min: 1, max: 8 }), outcome: fc.constantFrom('reached', 'no-answer', 'voicemail', null), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('undo' as const), deal: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('commit' as const), deal: fc.integer({ min: 1, max: 8 }), day: fc.integer({ min: 1, max: 28 }) }),
      fc.record({ kind: fc.constant('delete' as const), deal: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('tz' as const), prospect: fc.integer({ min: 1, max: 3 }), tz: fc.constantFrom('Asia/Jakarta', null) }),
      fc.record({ kind: fc.constant('value' as const), deal: fc.integer({ min: 1, max: 8 }), value: fc.constantFrom(150000, null), currency: fc.constantFrom('USD', 'IDR') }),
      fc.record({ kind: fc.constant('kind' as const), deal: fc.integer({ min: 1, max: 8 }), to: fc.constantFrom('firm', 'delegate') }),
      fc.record({ kind: fc.constant('uncommit' as const), deal: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('recommit' as const), deal: fc.integer({ min: 1, max: 8 }), to: fc.integer({ min: 1, max: 8 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const db = openDatabase(':memory:');
        // Open deals from the start, so that every kind of write finds something to act on.
        db.exec(`INSERT INTO prospects (id, name, company, created_at) VALUES (1, 'Ann', 'A', 'x'), (2, 'Bo', 'B', 'x'), (3, 'Cy', '', 'x');
          INSERT INTO deals (prospect_id, title, status, created_at) VALUES (1, 'T1', 'open', '2026-01-01T00:00:00.000Z'),
            (2, 'T2', 'open', '2026-01-01T00:00:00.000Z'), (3, 'T3', 'open', '2026-01-01T00:00:00.000Z'), (1, 'T4', 'won', '2026-01-01T00:00:00.000Z');
          INSERT INTO commitments (deal_id, kind, status, created_at) VALUES (1, 'low', 'pending', '2026-01-05T00:00:00.000Z'),
            (1, 'delegate', 'pending', '2026-01-06T00:00:00.000Z'), (2, 'low', 'pending', '2026-01-05T00:00:00.000Z');`);
        for (const o of ops) {
          if (o.kind === 'deal') db.prepare("INSERT INTO deals (prospect_id, title, status, created_at) VALUES (?, 'T', ?, '2026-01-01T00:00:00.000Z')").run(o.prospect, o.status);
          if (o.kind === 'status') db.prepare('UPDATE deals SET status = ? WHERE id = ?').run(o.status, o.deal);
          if (o.kind === 'rename') db.prepare('UPDATE prospects SET name = ? WHERE id = ?').run(o.name, o.prospect);
          if (o.kind === 'move') db.prepare('UPDATE deals SET prospect_id = ? WHERE id = ?').run(o.prospect, o.deal);
          if (o.kind === 'done' && db.prepare('SELECT 1 FROM deals WHERE id = ?').get(o.deal)) {
            const at = `2026-02-${String(o.day).padStart(2, '0')}T00:00:00.000Z`;
            db.prepare("INSERT INTO followups (deal_id, due_at, channel, purpose, status, outcome, created_at, completed_at) VALUES (?, ?, 'call', 'follow-up', 'done', ?, 'x', ?)").run(o.deal, at, o.outcome, at);
          }
          if (o.kind === 'undo') db.prepare("UPDATE followups SET status = 'scheduled', completed_at = NULL WHERE id = (SELECT max(id) FROM followups WHERE deal_id = ?)").run(o.deal);
          if (o.kind === 'commit' && db.prepare('SELECT 1 FROM deals WHERE id = ?').get(o.deal)) {
            db.prepare("INSERT INTO commitments (deal_id, kind, status, created_at) VALUES (?, 'low', 'pending', ?)").run(o.deal, `2026-03-${String(o.day).padStart(2, '0')}T00:00:00.000Z`);
          }
          if (o.kind === 'tz') db.prepare('UPDATE prospects SET tz = ? WHERE id = ?').run(o.tz, o.prospect);
          if (o.kind === 'value') db.prepare('UPDATE deals SET value_minor = ?, currency = ? WHERE id = ?').run(o.value, o.currency, o.deal);
          if (o.kind === 'kind') db.prepare('UPDATE commitments SET kind = ? WHERE id = (SELECT max(id) FROM commitments WHERE deal_id = ?)').run(o.to, o.deal);
          if (o.kind === 'uncommit') db.prepare('DELETE FROM commitments WHERE id = (SELECT max(id) FROM commitments WHERE deal_id = ?)').run(o.deal);
          if (o.kind === 'recommit' && db.prepare('SELECT 1 FROM deals WHERE id = ?').get(o.to)) {
            db.prepare('UPDATE commitments SET deal_id = ? WHERE id = (SELECT max(id) FROM commitments WHERE deal_id = ?)').run(o.to, o.deal);
          }
          if (o.kind === 'delete') {
            for (const table of ['followups', 'commitments', 'events']) db.prepare(`DELETE FROM ${table} WHERE deal_id = ?`).run(o.deal);
            db.prepare('DELETE FROM deals WHERE id = ?').run(o.deal);
          }
        }
        expect(board(db)).toEqual(view(db));
        db.close();
      }),
      { numRuns: 300 },
    );
  });

  it('is built from the deals already there when a database moves to schema 4', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 3) });
    db.exec(`
      INSERT INTO prospects (id, name, company, created_at) VALUES (1, 'Ann', 'Acme', '2026-01-01T00:00:00.000Z');
      INSERT INTO deals (id, prospect_id, title, status, created_at) VALUES (1, 1, 'A', 'open', '2026-01-01T00:00:00.000Z'), (2, 1, 'B', 'won', '2026-01-01T00:00:00.000Z');
      INSERT INTO followups (deal_id, due_at, channel, purpose, status, outcome, created_at, completed_at) VALUES
        (1, '2026-03-01T00:00:00.000Z', 'call', 'follow-up', 'done', 'no-show', 'x', '2026-03-01T00:00:00.000Z');
    `);
    migrate(db, MIGRATIONS);
    // The last column (migration 6): its scheduled follow-ups, none.
    expect(board(db)).toEqual([[1, 'Ann', 'Acme', null, 'A', null, null, null, '2026-03-01T00:00:00.000Z', 'no-show', null, 0]]);
    expectInStep(db);
  });

  it('is written by import for new prospects (in their first capitals) and by the trigger for known ones', async () => {
    const h = harness();
    await ok(h, ['add', 'Known Person', '--company', 'Old Co']);
    const csv = join(dir, 'leads.csv');
    writeFileSync(csv, 'name,company,deal\nBudi,PT Maju,First\nBUDI,pt maju,Second\nknown person,OLD CO,Third\nSiti,,Fourth\n');
    await ok(h, ['import', csv]);
    expectInStep(h.db);
    expect(h.db.prepare('SELECT deal_id, prospect, company, title FROM open_deals ORDER BY deal_id').raw().all()).toEqual([
      [1, 'Known Person', 'Old Co', 'Old Co'],
      [2, 'Budi', 'PT Maju', 'First'],
      [3, 'Budi', 'PT Maju', 'Second'],
      [4, 'Known Person', 'Old Co', 'Third'],
      [5, 'Siti', '', 'Fourth'],
    ]);
  });

  it('is left out of a dump and rebuilt by its restore', async () => {
    const h = await morning();
    const dumpFile = join(dir, 'dump.json');
    await ok(h, ['export', 'all', '--format', 'json', '--out', dumpFile]);
    const dump = JSON.parse(readFileSync(dumpFile, 'utf8'));
    expect(Object.keys(dump)).not.toContain('open_deals');
    const restored = harness();
    await ok(restored, ['import', dumpFile]);
    expectInStep(restored.db);
    expect(board(restored.db)).toEqual(board(h.db));
  });
});

describe('doctor and open_deals', () => {
  it('exits 1 when the list due reads no longer matches the deals', async () => {
    const file = join(dir, 'sales.db');
    expect((await runOnFile(file, ['add', 'Budi', '--company', 'PT Maju'])).code).toBe(0);
    expect((await runOnFile(file, ['doctor'])).code).toBe(0);
    const db = openDatabase(file);
    db.prepare("UPDATE open_deals SET title = 'tampered'").run();
    db.close();
    const r = await runOnFile(file, ['doctor', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems).toEqual([
      "the open-deal list that 'due' reads is wrong for 1 deal: dump with 'salesctl export all --format json' and restore it into a new database",
    ]);
    expect(r.stderr).toBe(`salesctl: doctor found 1 problem with ${file} (see "problems")\n`);
  });
});

describe('open_deals.scheduled (migration 6): due reads only the deals it prints', () => {
  it('counts the scheduled follow-ups of the deals already there when a database moves to schema 6', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 5) });
    db.exec(`
      INSERT INTO prospects (id, name, company, created_at) VALUES (1, 'Ann', 'Acme', '2026-01-01T00:00:00.000Z');
      INSERT INTO deals (id, prospect_id, title, status, created_at) VALUES (1, 1, 'A', 'open', '2026-01-01T00:00:00.000Z'), (2, 1, 'B', 'open', '2026-01-01T00:00:00.000Z');
      INSERT INTO followups (deal_id, due_at, channel, purpose, status, created_at) VALUES
        (1, '2026-03-01T00:00:00.000Z', 'call', 'follow-up', 'scheduled', 'x'), (1, '2026-03-02T00:00:00.000Z', 'call', 'follow-up', 'scheduled', 'x'),
        (2, '2026-03-01T00:00:00.000Z', 'call', 'follow-up', 'cancelled', 'x');
    `);
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT deal_id, scheduled FROM open_deals ORDER BY deal_id').raw().all()).toEqual([[1, 2], [2, 0]]);
    // The triggers keep it from there: a follow-up moved to the other deal, then one done.
    db.exec("UPDATE followups SET deal_id = 2 WHERE id = 1; UPDATE followups SET status = 'done', completed_at = '2026-03-02T00:00:00.000Z' WHERE id = 2");
    expect(db.prepare('SELECT deal_id, scheduled FROM open_deals ORDER BY deal_id').raw().all()).toEqual([[1, 0], [2, 1]]);
    expectInStep(db);
  });

  it("asks SQLite for the no-next-step and gone-quiet deals through indexes, never a scan of every open deal", async () => {
    const { dealsWithoutNextStep, quietCandidates } = await import('../../src/db/due.js');
    const db = openDatabase(':memory:');
    const asked: string[] = [];
    const prepare = db.prepare.bind(db);
    (db as { prepare: typeof db.prepare }).prepare = ((sql: string) => {
      asked.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;
    dealsWithoutNextStep(db);
    quietCandidates(db, new Date('2026-11-01T00:00:00Z'), ['no-answer', 'voicemail'], ['truth', 'feedback']);
    const plans = asked.map((sql) => (prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ since: '2026-11-01T00:00:00.000Z' }) as Array<{ detail: string }>).map((r) => r.detail));
    expect(plans).toHaveLength(2);
    // A scan of the partial index reads only the deals at 0; a scan of the table (no index) reads them all.
    for (const plan of plans) expect(plan.filter((step) => /^SCAN (o|open_deals)$/.test(step))).toEqual([]);
    expect(plans[0]!.join(' | ')).toMatch(/^SCAN o USING (COVERING )?INDEX open_deals_stepless/);
  });
});
