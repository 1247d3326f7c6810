// A small book of deals for the list/show/log/close/forecast tests. Commitments, follow-ups and
// post-mortems are written with SQL so these tests do not depend on the commands that create them.
import type { Database } from 'better-sqlite3';
import { harness, type Harness } from '../helpers.js';

/** Sunday 22 Nov 2026, 15:00 in Jakarta. */
export const NOW = '2026-11-22T08:00:00Z';
export const ZONE = 'Asia/Jakarta';

export function commitment(db: Database, deal: number, kind: string, status: string, created: string, promised: string | null = null, what: string | null = null): number {
  return Number(
    db
      .prepare('INSERT INTO commitments (deal_id, kind, what, given_by, promised_at, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(deal, kind, what, null, promised, status, created).lastInsertRowid,
  );
}

export function followup(db: Database, deal: number, due: string, purpose = 'follow-up', status = 'scheduled', channel = 'call'): number {
  return Number(
    db
      .prepare("INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, created_at) VALUES (?, ?, ?, ?, ?, ?, '2026-11-20T00:00:00.000Z')")
      .run(deal, due, channel, purpose, purpose === 'closure' ? 1 : 0, status).lastInsertRowid,
  );
}

/**
 * #1 Fleet renewal (Budi, PT Maju, 15,000.00 USD): firm pending, closure call Mon 10:00 Jakarta.
 * #2 Ana Lima (Acme, 1,200.50 EUR): low pending.  #3 Carl: nothing.  #4 Spare parts (Budi, 2,500,000 IDR): won.
 */
export async function book(): Promise<Harness> {
  const h = harness(NOW, ZONE);
  const add = async (argv: string[]) => {
    const r = await h.run(['add', ...argv]);
    if (r.code !== 0) throw new Error(r.stderr);
  };
  await add(['Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--value', '15000', '--currency', 'USD', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--channel', 'chat', '--role', 'Owner', '--decision-maker']);
  await add(['Ana Lima', '--company', 'Acme', '--value', '1200.50', '--currency', 'EUR']);
  await add(['Carl']);
  await add(['Budi Santoso', '--company', 'PT Maju', '--deal', 'Spare parts', '--value', '2500000', '--currency', 'IDR']);
  h.db.prepare("UPDATE deals SET status = 'won', closed_at = '2026-11-21T03:00:00.000Z' WHERE id = 4").run();
  commitment(h.db, 1, 'firm', 'pending', '2026-11-20T02:00:00.000Z', '2026-12-01T03:00:00.000Z', 'sign the PO');
  commitment(h.db, 2, 'low', 'pending', '2026-11-20T02:00:00.000Z');
  commitment(h.db, 4, 'firm', 'kept', '2026-11-10T02:00:00.000Z', '2026-11-21T03:00:00.000Z');
  followup(h.db, 1, '2026-11-23T03:00:00.000Z', 'closure');
  followup(h.db, 1, '2026-11-25T03:00:00.000Z');
  followup(h.db, 1, '2026-11-21T03:00:00.000Z', 'follow-up', 'done');
  return h;
}
