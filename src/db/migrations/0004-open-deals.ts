import type { Database } from 'better-sqlite3';

export const version = 4;
export const name = 'open-deals';

/** The kind of the latest commitment of the deal whose id is `dealId` (an SQL expression). */
function latestKind(dealId: string): string {
  return `(SELECT c.kind FROM commitments c WHERE c.deal_id = ${dealId} ORDER BY c.created_at DESC, c.id DESC LIMIT 1)`;
}

/** One open deal's row, for the deal `deal` (a table alias, or NEW in a trigger). */
export function openDealRow(deal: string): string {
  return `SELECT ${deal}.id, p.name, p.company, p.tz, ${deal}.title, ${deal}.value_minor, ${deal}.currency,
    ${latestKind(`${deal}.id`)},
    max(${deal}.created_at, coalesce(${deal}.last_touch_at, ${deal}.created_at)), ${deal}.last_outcome, ${deal}.previous_outcome`;
}

/** What `open_deals` holds, as a query over the tables it is derived from (doctor compares the two). */
export const OPEN_DEALS_VIEW = `${openDealRow('d')} FROM deals d JOIN prospects p ON p.id = d.prospect_id WHERE d.status = 'open'`;

/**
 * `open_deals`: every open deal as `salesctl due` reads it, one short row each: its prospect's name,
 * company and zone, its title and value, the kind of its latest commitment, its last contact folded into
 * one instant (migration 3's columns) and its last two outcomes. The morning table reads its follow-ups'
 * deals, the deals without a next step and the deals gone quiet from this small table instead of seeking
 * each deal, its prospect and its commitments among 100k deals.
 *
 * It is derived data, never written by commands: triggers keep it equal to OPEN_DEALS_VIEW on every write
 * path (commands, restore, hand edits; migration 3's triggers update the contact columns of deals, which
 * fires the update trigger here). One exception, for speed: `import` sets the insert trigger aside inside
 * its transaction and fills the rows of its deals with one INSERT ... SELECT of OPEN_DEALS_VIEW (a trigger
 * run per row cost about 0.3 s per 100,000 deals). `salesctl doctor` checks the table against
 * OPEN_DEALS_VIEW, and dumps leave it out (a restore rebuilds it).
 */
export function up(db: Database): void {
  const prospect = 'FROM prospects p WHERE p.id = NEW.prospect_id';
  // A commitment added, removed, moved or redated changes its deal's last contact: migration 3's triggers
  // rewrite the deal's contact columns, and open_deals_update rebuilds the row, latest commitment included.
  // Only a change of kind (or of id, the tie-break) leaves the deal untouched: open_deals_commitment.
  const latestCommitment = (deal: string) => `UPDATE open_deals SET commitment = ${latestKind(deal)} WHERE deal_id = ${deal};`;
  db.exec(`
    CREATE TABLE open_deals (
      deal_id INTEGER PRIMARY KEY,
      prospect TEXT NOT NULL,
      company TEXT NOT NULL,
      tz TEXT,
      title TEXT NOT NULL,
      value_minor INTEGER,
      currency TEXT,
      commitment TEXT,
      last_contact_at TEXT NOT NULL,
      last_outcome TEXT,
      previous_outcome TEXT
    );
    INSERT INTO open_deals ${OPEN_DEALS_VIEW};
    CREATE TRIGGER open_deals_insert AFTER INSERT ON deals WHEN NEW.status = 'open'
    BEGIN INSERT INTO open_deals ${openDealRow('NEW')} ${prospect}; END;
    CREATE TRIGGER open_deals_update AFTER UPDATE OF id, prospect_id, title, value_minor, currency, status, created_at, last_touch_at, last_outcome, previous_outcome ON deals
    BEGIN
      DELETE FROM open_deals WHERE deal_id = OLD.id;
      INSERT INTO open_deals ${openDealRow('NEW')} ${prospect} AND NEW.status = 'open';
    END;
    CREATE TRIGGER open_deals_delete AFTER DELETE ON deals
    BEGIN DELETE FROM open_deals WHERE deal_id = OLD.id; END;
    CREATE TRIGGER open_deals_prospect AFTER UPDATE OF id, name, company, tz ON prospects
    BEGIN
      UPDATE open_deals SET prospect = NEW.name, company = NEW.company, tz = NEW.tz
        WHERE deal_id IN (SELECT id FROM deals WHERE prospect_id = NEW.id AND status = 'open');
    END;
    CREATE TRIGGER open_deals_commitment AFTER UPDATE OF id, kind ON commitments
    BEGIN ${latestCommitment('NEW.deal_id')} END;
  `);
}
