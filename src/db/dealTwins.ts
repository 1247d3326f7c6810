import type { Database } from 'better-sqlite3';

/**
 * The id of the prospect's open deal of this title (the same by core/nameKey.ts's sameNameKey, which NOCASE
 * is), if any: `add` would duplicate it.
 */
export function openDealNamed(db: Database, prospectId: number, title: string): number | undefined {
  return db
    .prepare("SELECT id FROM deals WHERE prospect_id = ? AND status = 'open' AND title = ? COLLATE NOCASE ORDER BY id LIMIT 1")
    .pluck()
    .get(prospectId, title) as number | undefined;
}
