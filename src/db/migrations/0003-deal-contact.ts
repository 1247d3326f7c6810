import type { Database } from 'better-sqlite3';

export const version = 3;
export const name = 'deal-contact';

/**
 * What the "gone quiet" rule needs, kept on each deal so `salesctl due` reads one row per open deal
 * instead of three lookups into a million follow-ups:
 * - last_touch_at: the latest completed follow-up (completed_at) or commitment (created_at), NULL if none;
 * - last_outcome, previous_outcome: the outcomes of its last two completed follow-ups.
 * Triggers keep them right on every write path (commands, import, restore, hand edits), so no command
 * has to remember them; a restore recomputes them as its follow-ups and commitments go in.
 */
export function up(db: Database): void {
  // followups_done (0002) served the per-deal lookups `due` no longer makes; this one serves the triggers:
  // in (completed_at, id) order, so "the last two" is a short index read with no sort.
  db.exec(`
    DROP INDEX IF EXISTS followups_done;
    CREATE INDEX followups_done_order ON followups (deal_id, completed_at, id, outcome) WHERE status = 'done' AND completed_at IS NOT NULL;
    ALTER TABLE deals ADD COLUMN last_touch_at TEXT;
    ALTER TABLE deals ADD COLUMN last_outcome TEXT;
    ALTER TABLE deals ADD COLUMN previous_outcome TEXT;
    UPDATE deals SET ${contactColumns('deals.id')};
    CREATE TRIGGER followups_contact_insert AFTER INSERT ON followups WHEN NEW.status = 'done'
    BEGIN ${recompute('NEW.deal_id')} END;
    CREATE TRIGGER followups_contact_update AFTER UPDATE OF deal_id, status, completed_at, outcome ON followups
      WHEN OLD.status = 'done' OR NEW.status = 'done'
    BEGIN ${recompute('NEW.deal_id')} ${recompute('OLD.deal_id', 'OLD.deal_id IS NOT NEW.deal_id')} END;
    CREATE TRIGGER followups_contact_delete AFTER DELETE ON followups WHEN OLD.status = 'done'
    BEGIN ${recompute('OLD.deal_id')} END;
    CREATE TRIGGER commitments_contact_insert AFTER INSERT ON commitments
    BEGIN ${recompute('NEW.deal_id')} END;
    CREATE TRIGGER commitments_contact_update AFTER UPDATE OF deal_id, created_at ON commitments
    BEGIN ${recompute('NEW.deal_id')} ${recompute('OLD.deal_id', 'OLD.deal_id IS NOT NEW.deal_id')} END;
    CREATE TRIGGER commitments_contact_delete AFTER DELETE ON commitments
    BEGIN ${recompute('OLD.deal_id')} END;
  `);
}

function recompute(deal: string, when = 'true'): string {
  return `UPDATE deals SET ${contactColumns(deal)} WHERE id = ${deal} AND ${when};`;
}

// A done follow-up without completed_at is not a contact (the rule has always skipped it).
function contactColumns(deal: string): string {
  const done = `FROM followups f WHERE f.deal_id = ${deal} AND f.status = 'done' AND f.completed_at IS NOT NULL`;
  return `last_touch_at = (SELECT max(at) FROM (
        SELECT max(f.completed_at) AS at ${done}
        UNION ALL SELECT max(c.created_at) FROM commitments c WHERE c.deal_id = ${deal})),
      last_outcome = (SELECT f.outcome ${done} ORDER BY f.completed_at DESC, f.id DESC LIMIT 1),
      previous_outcome = (SELECT f.outcome ${done} ORDER BY f.completed_at DESC, f.id DESC LIMIT 1 OFFSET 1)`;
}
