// The one way salesctl writes: a BEGIN IMMEDIATE transaction that is also one change of the undo log.
import type { Database as DB } from 'better-sqlite3';
import { beginChange, endChange } from './undoLog.js';

/**
 * Runs `work` in one BEGIN IMMEDIATE transaction, recorded as one change of the undo log: every write in
 * salesctl goes through here, and re-checks inside `work` the state it depends on.
 */
export function inTransaction<T>(db: DB, work: () => T): T {
  return db
    .transaction(() => {
      const change = beginChange(db); // the undo log's change: exactly this transaction (migration 5)
      const result = work();
      endChange(db, change);
      return result;
    })
    .immediate();
}
