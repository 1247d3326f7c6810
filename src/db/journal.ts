import type { Database } from 'better-sqlite3';

/** A journal line as stored; `tags` is a JSON array of strings. */
export interface JournalRow {
  id: number;
  deal_id: number;
  at: string;
  text: string;
  tags: string;
}

/** Writes a journal line on the deal and returns it; call inside the write's transaction. */
export function insertJournal(db: Database, dealId: number, at: Date, text: string, tags: string[]): JournalRow {
  const info = db
    .prepare('INSERT INTO journal (deal_id, at, text, tags) VALUES (?, ?, ?, ?)')
    .run(dealId, at.toISOString(), text, JSON.stringify(tags));
  return db.prepare('SELECT * FROM journal WHERE id = ?').get(Number(info.lastInsertRowid)) as JournalRow;
}

/** The deal's journal, oldest first. */
export function journalOfDeal(db: Database, dealId: number): JournalRow[] {
  return db.prepare('SELECT * FROM journal WHERE deal_id = ? ORDER BY at, id').all(dealId) as JournalRow[];
}

/** The tags of a stored journal line (an unreadable value reads as none). */
export function journalTags(row: JournalRow): string[] {
  try {
    const tags = JSON.parse(row.tags);
    return Array.isArray(tags) ? tags.map(String) : [];
  } catch {
    return [];
  }
}
