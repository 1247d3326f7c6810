import type { Database } from 'better-sqlite3';
import { sameName } from './nameKeySql.js';

/**
 * The id of the prospect's open deal of this title (the same by core/nameKey.ts's nameKey, SQL restating it:
 * db/nameKeySql.ts), the oldest if several, if any: `add` would duplicate it.
 */
export function openDealNamed(db: Database, prospectId: number, title: string): number | undefined {
  const values: Record<string, string | number> = { prospectId };
  return db
    .prepare(`SELECT id FROM deals WHERE prospect_id = @prospectId AND status = 'open' AND ${sameName(db, 'title', title, 'title', values)} ORDER BY id LIMIT 1`)
    .pluck()
    .get(values) as number | undefined;
}
