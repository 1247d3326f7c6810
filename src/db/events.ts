import type { Database } from 'better-sqlite3';

/** One line on a deal's timeline. */
export interface EventRow {
  id: number;
  deal_id: number;
  at: string;
  kind: string;
  summary: string;
}

/** Leaves an event on the deal's timeline; call it inside the write's transaction. */
export function recordEvent(db: Database, dealId: number, at: Date, kind: string, summary: string): void {
  db.prepare('INSERT INTO events (deal_id, at, kind, summary) VALUES (?, ?, ?, ?)').run(dealId, at.toISOString(), kind, summary);
}

/** The deal's events, oldest first. */
export function eventsOfDeal(db: Database, dealId: number): EventRow[] {
  return db.prepare('SELECT * FROM events WHERE deal_id = ? ORDER BY at, id').all(dealId) as EventRow[];
}
