import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { migrate } from '../../src/db/migrate.js';
import { MIGRATIONS } from '../../src/db/migrations/index.js';
import type { Database } from 'better-sqlite3';
import { harness } from '../helpers.js';
import { morning, NOW, ok } from './followups-fixture.js';

/** What the deal's contact columns must hold, worked out in JS from the raw rows. */
function expectedContact(db: Database) {
  const followups = db.prepare('SELECT id, deal_id, status, completed_at, outcome FROM followups').all() as any[];
  const commitments = db.prepare('SELECT deal_id, created_at FROM commitments').all() as any[];
  return (db.prepare('SELECT id FROM deals ORDER BY id').pluck().all() as number[]).map((id) => {
    const done = followups
      .filter((f) => f.deal_id === id && f.status === 'done' && f.completed_at !== null)
      .sort((a, b) => (a.completed_at < b.completed_at ? 1 : a.completed_at > b.completed_at ? -1 : b.id - a.id));
    const touches = [...done.map((f) => f.completed_at), ...commitments.filter((c) => c.deal_id === id).map((c) => c.created_at)].sort();
    return { id, last_touch_at: touches.at(-1) ?? null, last_outcome: done[0]?.outcome ?? null, previous_outcome: done[1]?.outcome ?? null };
  });
}
const stored = (db: Database) => db.prepare('SELECT id, last_touch_at, last_outcome, previous_outcome FROM deals ORDER BY id').all();

describe("the deal's contact, kept by triggers for the gone-quiet rule", () => {
  it('follows every write to follow-ups and commitments', async () => {
    const h = await morning();
    const db = h.db;
    const check = () => expect(stored(db)).toEqual(expectedContact(db));
    check();
    expect(db.prepare('SELECT last_touch_at, last_outcome, previous_outcome FROM deals WHERE id = 5').get()).toEqual({
      last_touch_at: '2026-11-12T03:00:00.000Z', last_outcome: 'voicemail', previous_outcome: 'no-answer',
    });
    await ok(h, ['followup', 'done', '8', '--outcome', 'replied']);
    check();
    expect(db.prepare('SELECT last_outcome, previous_outcome FROM deals WHERE id = 5').get()).toEqual({ last_outcome: 'replied', previous_outcome: 'voicemail' });
    db.prepare("UPDATE followups SET completed_at = '2026-11-01T00:00:00.000Z' WHERE id = 8").run(); // now the oldest
    check();
    db.prepare("UPDATE followups SET outcome = 'bounced' WHERE id = 7").run();
    check();
    db.prepare('UPDATE followups SET deal_id = 3 WHERE id = 7').run(); // moved to another deal
    check();
    db.prepare("UPDATE followups SET status = 'scheduled', completed_at = NULL WHERE id = 6").run(); // undone
    check();
    db.prepare('DELETE FROM followups WHERE id = 7').run();
    check();
    db.prepare("INSERT INTO commitments (deal_id, kind, status, created_at) VALUES (4, 'low', 'pending', '2026-11-22T07:00:00.000Z')").run();
    check();
    db.prepare("UPDATE commitments SET created_at = '2026-11-01T00:00:00.000Z' WHERE deal_id = 1").run();
    check();
    db.prepare('UPDATE commitments SET deal_id = 3 WHERE deal_id = 2').run();
    check();
    db.prepare('DELETE FROM commitments WHERE deal_id = 1').run();
    check();
    expect(db.prepare('SELECT count(*) FROM deals WHERE last_touch_at IS NOT NULL').pluck().get()).toBeGreaterThan(0);
  });

  it('is filled in for an existing history when the database moves to schema 3', () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS.slice(0, 2) });
    db.exec(`
      INSERT INTO prospects (id, name, created_at) VALUES (1, 'Ann', '2026-01-01T00:00:00.000Z');
      INSERT INTO deals (id, prospect_id, title, created_at) VALUES (1, 1, 'A', '2026-01-01T00:00:00.000Z'), (2, 1, 'B', '2026-02-01T00:00:00.000Z');
      INSERT INTO followups (deal_id, due_at, channel, purpose, status, outcome, created_at, completed_at) VALUES
        (1, '2026-03-01T00:00:00.000Z', 'call', 'follow-up', 'done', 'no-show', '2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
        (1, '2026-03-05T00:00:00.000Z', 'call', 'follow-up', 'done', 'bounced', '2026-01-01T00:00:00.000Z', '2026-03-05T00:00:00.000Z'),
        (1, '2026-03-09T00:00:00.000Z', 'call', 'follow-up', 'done', 'reached', '2026-01-01T00:00:00.000Z', NULL),
        (2, '2026-03-09T00:00:00.000Z', 'call', 'follow-up', 'scheduled', NULL, '2026-01-01T00:00:00.000Z', NULL);
      INSERT INTO commitments (deal_id, kind, status, created_at) VALUES (2, 'low', 'pending', '2026-02-10T00:00:00.000Z');
    `);
    migrate(db, MIGRATIONS);
    expect(stored(db)).toEqual([
      { id: 1, last_touch_at: '2026-03-05T00:00:00.000Z', last_outcome: 'bounced', previous_outcome: 'no-show' },
      { id: 2, last_touch_at: '2026-02-10T00:00:00.000Z', last_outcome: null, previous_outcome: null },
    ]);
    expect(stored(db)).toEqual(expectedContact(db));
  });
});

describe('salesctl due with many deals gone quiet', () => {
  async function quietBook() {
    const h = harness(NOW, 'UTC');
    // 25 deals created 21..45 days ago, oldest last: deal 25 has been silent longest.
    for (let i = 1; i <= 25; i++) await ok(h, ['add', `P${i}`, '--company', `C${i}`], new Date(Date.parse(NOW) - (20 + i) * 86_400_000).toISOString());
    return h;
  }

  it('lists the 20 silent longest on a terminal and counts the rest', async () => {
    const h = await quietBook();
    const out = (await h.run(['due'], { tty: true, width: 120 })).stdout.split('\n');
    const start = out.findIndex((line) => line.startsWith('Gone quiet'));
    expect(out[start]).toBe('Gone quiet: call back for the truth, not to close (the 20 silent longest of 25)');
    const rows = out.slice(start + 2, start + 22);
    expect(rows.map((line) => Number(line.split(/\s+/)[0]))).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));
    expect(rows[0]).toMatch(/^25 +P25 +C25 +C25 +no contact for 45 days +salesctl followup 25 --purpose truth --at \.\.\.$/);
    expect(out[start + 22]).toBe('… and 5 more: salesctl due --json lists them all');
    expect(out.slice(start + 23)).toEqual(['']);
  });

  it('keeps every one in a pipe and in --json, in deal order', async () => {
    const h = await quietBook();
    const pipe = (await h.run(['due'])).stdout.split('\n').filter((line) => line.startsWith('gone-quiet'));
    expect(pipe.map((line) => Number(line.split('\t')[1]))).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(pipe[0]).toBe('gone-quiet\t1\tP1\tC1\tC1\tno contact for 21 days');
    const doc = JSON.parse((await h.run(['due', '--json'])).stdout);
    expect(doc.gone_quiet).toHaveLength(25);
    expect(doc.gone_quiet[24]).toEqual({ deal_id: 25, prospect: 'P25', company: 'C25', title: 'C25', reason: 'no contact for 45 days' });
  });

  it('shows all of them, in deal order, when there are 20 or fewer', async () => {
    const h = await quietBook();
    h.db.prepare("UPDATE deals SET status = 'won' WHERE id > 20").run();
    const out = (await h.run(['due'], { tty: true })).stdout.split('\n');
    const start = out.findIndex((line) => line.startsWith('Gone quiet'));
    expect(out[start]).toBe('Gone quiet: call back for the truth, not to close');
    expect(out.slice(start + 2, -1).map((line) => Number(line.split(/\s+/)[0]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('counts a deal as quiet from exactly 21 days without contact', async () => {
    const h = harness(NOW, 'UTC');
    await ok(h, ['add', 'Edge', '--company', 'E'], new Date(Date.parse(NOW) - 21 * 86_400_000).toISOString());
    await ok(h, ['add', 'Inside', '--company', 'I'], new Date(Date.parse(NOW) - 21 * 86_400_000 + 1).toISOString());
    const doc = JSON.parse((await h.run(['due', '--json'])).stdout);
    expect(doc.gone_quiet).toEqual([{ deal_id: 1, prospect: 'Edge', company: 'E', title: 'E', reason: 'no contact for 21 days' }]);
  });
});
