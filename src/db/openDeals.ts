// open_deals (migration 4) is derived data: how far it is from what it is derived from.
import type { Database } from 'better-sqlite3';
import { OPEN_DEALS_VIEW } from './migrations/0006-open-deal-steps.js';

/** How many deals open_deals gets wrong: rows it lacks, holds without cause, or holds with other values. */
export function differingOpenDeals(db: Database): number {
  return db
    .prepare(`SELECT count(*) FROM (SELECT deal_id FROM (SELECT * FROM open_deals EXCEPT ${OPEN_DEALS_VIEW}) UNION SELECT id FROM (${OPEN_DEALS_VIEW} EXCEPT SELECT * FROM open_deals))`)
    .pluck()
    .get() as number;
}
