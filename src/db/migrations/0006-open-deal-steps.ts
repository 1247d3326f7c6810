import type { Database } from 'better-sqlite3';
import { openDealRow as openDealRow4 } from './0004-open-deals.js';

export const version = 6;
export const name = 'open-deal-steps';

/** Migration 4's row of an open deal, and the count of its scheduled follow-ups (`deal`: a table alias or NEW). */
function openDealRow(deal: string): string {
  return `${openDealRow4(deal)}, (SELECT count(*) FROM followups f WHERE f.deal_id = ${deal}.id AND f.status = 'scheduled')`;
}

/** What `open_deals` holds from version 6 on, as a query over the tables it is derived from (doctor, import). */
export const OPEN_DEALS_VIEW = `${openDealRow('d')} FROM deals d JOIN prospects p ON p.id = d.prospect_id WHERE d.status = 'open'`;

/**
 * `due` in proportion to what it prints, after importing a lead list (every deal open, 100,000 of them): its
 * "no next step" and "gone quiet" sections each read the whole of open_deals (about 10 and 6 ms at 100,000
 * open deals, the piped `due` +51 ms above node against a 40 ms target). Now:
 * - open_deals.scheduled counts each open deal's scheduled follow-ups, kept by triggers on followups (and
 *   computed when a row is (re)built by migration 4's triggers, redefined here with the new column), and a
 *   partial index holds the deals whose count is 0: "no next step" reads only those;
 * - indexes on the last contact and on the last two outcomes let "gone quiet" read only the deals that can be
 *   (SQLite's OR of two index ranges), not every open deal.
 */
export function up(db: Database): void {
  const prospect = 'FROM prospects p WHERE p.id = NEW.prospect_id';
  const bump = (sign: '+' | '-', row: 'NEW' | 'OLD') => `UPDATE open_deals SET scheduled = scheduled ${sign} 1 WHERE deal_id = ${row}.deal_id`;
  db.exec(`
    ALTER TABLE open_deals ADD COLUMN scheduled INTEGER NOT NULL DEFAULT 0;
    UPDATE open_deals SET scheduled = (SELECT count(*) FROM followups f WHERE f.deal_id = open_deals.deal_id AND f.status = 'scheduled');
    DROP TRIGGER IF EXISTS open_deals_insert;
    DROP TRIGGER IF EXISTS open_deals_update;
    CREATE TRIGGER open_deals_insert AFTER INSERT ON deals WHEN NEW.status = 'open'
    BEGIN INSERT INTO open_deals ${openDealRow('NEW')} ${prospect}; END;
    CREATE TRIGGER open_deals_update AFTER UPDATE OF id, prospect_id, title, value_minor, currency, status, created_at, last_touch_at, last_outcome, previous_outcome ON deals
    BEGIN
      DELETE FROM open_deals WHERE deal_id = OLD.id;
      INSERT INTO open_deals ${openDealRow('NEW')} ${prospect} AND NEW.status = 'open';
    END;
    CREATE TRIGGER open_deals_scheduled_insert AFTER INSERT ON followups WHEN NEW.status = 'scheduled'
    BEGIN ${bump('+', 'NEW')}; END;
    CREATE TRIGGER open_deals_scheduled_update AFTER UPDATE OF deal_id, status ON followups
      WHEN (OLD.status = 'scheduled') <> (NEW.status = 'scheduled') OR OLD.deal_id IS NOT NEW.deal_id
    BEGIN
      ${bump('-', 'OLD')} AND OLD.status = 'scheduled';
      ${bump('+', 'NEW')} AND NEW.status = 'scheduled';
    END;
    CREATE TRIGGER open_deals_scheduled_delete AFTER DELETE ON followups WHEN OLD.status = 'scheduled'
    BEGIN ${bump('-', 'OLD')}; END;
    CREATE INDEX open_deals_stepless ON open_deals (deal_id) WHERE scheduled = 0;
    CREATE INDEX open_deals_last_contact ON open_deals (last_contact_at);
    CREATE INDEX open_deals_outcomes ON open_deals (last_outcome, previous_outcome);
  `);
}
