import type { Database } from 'better-sqlite3';
import type { ProspectDetails } from '../core/prospectMerge.js';
import { sameName } from './nameKeySql.js';

/** A prospect as stored: the details `add` takes (core/prospectMerge.ts), with its id and creation time. */
export interface ProspectRow extends ProspectDetails {
  id: number;
  created_at: string;
}

export type ProspectFields = ProspectDetails;

/**
 * The prospect of this name at this company, if any: the same by core/nameKey.ts's nameKey (SQL restating
 * it: db/nameKeySql.ts). Of several (made before nameKey was the one rule: 'Ärzte' and 'ärzte'), the oldest.
 */
export function findProspect(db: Database, name: string, company: string): ProspectRow | undefined {
  const values: Record<string, string | number> = {};
  const where = `${sameName(db, 'name', name, 'name', values)} AND ${sameName(db, 'company', company, 'company', values)}`;
  // Found through the NOCASE index, never by reading the rows in id order (test/db/nameKey.test.ts).
  return db.prepare(`SELECT * FROM prospects WHERE ${where} ORDER BY id LIMIT 1`).get(values) as ProspectRow | undefined;
}

export function getProspect(db: Database, id: number): ProspectRow | undefined {
  return db.prepare('SELECT * FROM prospects WHERE id = ?').get(id) as ProspectRow | undefined;
}

/** Inserts a prospect and returns it. */
export function insertProspect(db: Database, fields: ProspectFields, at: Date): ProspectRow {
  const info = db
    .prepare(
      `INSERT INTO prospects (name, company, role, email, phone, decision_maker, segment, tz, best_time_start,
        best_time_end, channel, notes, created_at)
       VALUES (@name, @company, @role, @email, @phone, @decision_maker, @segment, @tz, @best_time_start,
        @best_time_end, @channel, @notes, @created_at)`,
    )
    .run({ ...fields, created_at: at.toISOString() });
  return getProspect(db, Number(info.lastInsertRowid))!;
}

/** Fills in the fields given (non-null) on an existing prospect; the others keep their value. */
export function updateProspect(db: Database, id: number, fields: Partial<ProspectFields>): ProspectRow {
  const given = Object.entries(fields).filter(([key, value]) => value !== undefined && value !== null && key !== 'name');
  if (given.length) {
    // Column names come from our own ProspectFields keys, never from input.
    const assignments = given.map(([key]) => `${key} = @${key}`).join(', ');
    db.prepare(`UPDATE prospects SET ${assignments} WHERE id = @id`).run({ ...Object.fromEntries(given), id });
  }
  return getProspect(db, id)!;
}

/** Corrects the spelling of a prospect's name (add --update). */
export function renameProspect(db: Database, id: number, name: string): ProspectRow {
  db.prepare('UPDATE prospects SET name = ? WHERE id = ?').run(name, id);
  return getProspect(db, id)!;
}
