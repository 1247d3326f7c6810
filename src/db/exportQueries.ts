// What `salesctl export <what>` reads: one query per record, its columns in order with the kind of value
// each holds (so CSV and JSON writers know a number from text and an instant from a date).
import type { Database } from 'better-sqlite3';
import { pagedRows } from './pagedRead.js';
import { COMMITMENT, DEAL, FOLLOWUP, POSTMORTEM, PROSPECT, type FieldKind, type Shape } from '../render/records.js';

/**
 * How a column's stored value is shown: a record field's kind (render/records.ts), or `cells`, CSV text made
 * by the query itself (several columns the schema constrains to plain words).
 */
type ColumnKind = FieldKind | 'cells';

/** One exported column; a `money` column holds minor units and takes its currency from `currency`. */
export interface ExportColumn {
  name: string;
  kind: ColumnKind;
}

export const EXPORTABLE = ['deals', 'prospects', 'commitments', 'followups', 'postmortems', 'journal'] as const;
export type Exportable = (typeof EXPORTABLE)[number];

const c = (kind: ColumnKind, ...names: string[]): ExportColumn[] => names.map((name) => ({ name, kind }));

/**
 * A follow-up's channel, purpose, closure, agreed and status as their five CSV cells, joined in SQL: the cell rule
 * (core/csvCell.ts) restated for speed, which holds because the schema CHECKs channel, purpose and status to
 * words that need no quote or guard, and a flag's cell is true/false (test/db/exportQueries.test.ts holds it).
 * `x.purpose = 'closure'` restates isClosure (core/vocab.ts): test/commands/exportClosure.test.ts.
 */
export const FOLLOWUP_WORD_CELLS = `x.channel || ',' || x.purpose || ',' || CASE WHEN x.purpose = 'closure' THEN 'true' ELSE 'false' END || ','
                || CASE WHEN x.agreed THEN 'true' ELSE 'false' END || ',' || x.status`;
const NAMES = c('text', 'prospect_name', 'company', 'deal_title');
/** A record of a deal's columns: its shape with the deal's names after deal_id. */
const named = ({ fields }: Shape): ExportColumn[] => [...fields.slice(0, 2), ...NAMES, ...fields.slice(2)];
/** The follow-ups' columns with channel, purpose, closure, agreed and status as one column of `FOLLOWUP_WORD_CELLS`. */
const wordCells = (columns: ExportColumn[]): ExportColumn[] => [
  ...columns.slice(0, 6), ...c('cells', columns.slice(6, 11).map((column) => column.name).join(',')), ...columns.slice(11),
];

/**
 * Columns and query per record: the columns are the record's one JSON shape (render/records.ts), the names of a
 * record of a deal after deal_id. Each query restates for speed, in SQL, how the shape's values are read from the
 * tables (render/records.ts reads them from a row object; test/render/records.test.ts holds the two equal).
 * Column order is the query's, ids keep the order stable. A query with prospect_name after deal_id selects id
 * and deal_id first; the deal's names are added from memory (cheaper than two joins a row).
 */
export const EXPORTS: Record<Exportable, { columns: ExportColumn[]; sql: string; csv?: { columns: ExportColumn[]; sql: string } }> = {
  deals: {
    columns: DEAL.fields,
    sql: `SELECT d.id, d.title, d.prospect_id, p.name, nullif(p.company, ''), d.value_minor, d.value_minor, d.currency,
            d.status, d.stage, d.created_at, d.closed_at, d.lost_reason
          FROM deals d JOIN prospects p ON p.id = d.prospect_id ORDER BY d.id`,
  },
  prospects: {
    columns: PROSPECT.fields,
    // best_time: storedBestTimeText (core/bestTime.ts) restated in SQL; test/commands/export.test.ts holds it equal.
    sql: `SELECT id, name, nullif(company, ''), role, email, phone, decision_maker, segment, tz,
            CASE WHEN best_time_start IS NOT NULL AND best_time_end IS NOT NULL THEN best_time_start || '-' || best_time_end END,
            channel, notes, created_at
          FROM prospects ORDER BY id`,
  },
  commitments: {
    columns: named(COMMITMENT),
    sql: `SELECT x.id, x.deal_id, x.kind, x.what, x.given_by, x.promised_at, x.payment, x.status,
            x.created_at, x.resolved_at
          FROM commitments x ORDER BY x.id`,
  },
  followups: {
    columns: named(FOLLOWUP),
    // `x.purpose = 'closure'` restates isClosure (core/vocab.ts) in SQL: test/commands/exportClosure.test.ts.
    sql: `SELECT x.id, x.deal_id, x.due_at, x.channel, x.purpose, x.purpose = 'closure', x.agreed,
            x.status, x.outcome, x.notes, x.created_at, x.completed_at
          FROM followups x ORDER BY x.id`,
    // Every value read costs more than joining words in SQL: channel, purpose and status are CHECKed
    // words that never need quotes, so the five cells between due_at and outcome arrive as one.
    csv: {
      columns: wordCells(named(FOLLOWUP)),
      sql: `SELECT x.id, x.deal_id, x.due_at, ${FOLLOWUP_WORD_CELLS}, x.outcome, x.notes, x.created_at, x.completed_at
            FROM followups x ORDER BY x.id`,
    },
  },
  postmortems: {
    columns: named(POSTMORTEM),
    sql: `SELECT x.id, x.deal_id, x.outcome, x.what_happened, x.assumption,
            (SELECT json_group_array(cause) FROM (SELECT cause FROM postmortem_causes WHERE postmortem_id = x.id ORDER BY cause)),
            x.reviewers, x.feedback, x.lesson, x.created_at
          FROM postmortems x ORDER BY x.id`,
  },
  journal: {
    columns: [...c('int', 'id', 'deal_id'), ...NAMES, ...c('instant', 'at'), ...c('text', 'text'), ...c('list', 'tags')],
    sql: `SELECT x.id, x.deal_id, x.at, x.text, x.tags FROM journal x ORDER BY x.id`,
  },
};

/** An export being read: its rows, and (for records of a deal) the deal's names held in memory. */
export interface ExportRows {
  /** The columns of each row (for CSV, an export's `csv` variant when it has one). */
  columns: ExportColumn[];
  rows: IterableIterator<unknown[]>;
  /**
   * When set, rows hold id and deal_id first and lack the three name columns that follow in `columns`:
   * they come from here, by deal id, as [deal_id, prospect_name, company, deal_title].
   */
  names: Map<unknown, unknown> | null;
}

/** Rows read per query: a page of arrays costs less than a step of the iterator per row. */
const PAGE = 256;

/**
 * The rows of one export as arrays of stored values, read a page at a time (memory stays flat) in one read
 * transaction, so the pages agree with each other. The deal's names come from memory, not from two joins a
 * row: a million follow-ups have far fewer deals.
 */
export function openExport(
  db: Database,
  what: Exportable,
  format: 'csv' | 'json' = 'json',
  /** What to keep of each deal's names (a million rows may name 100,000 deals: keep little). */
  keep: (deal: unknown[]) => unknown = (deal) => deal,
): ExportRows {
  const { columns, sql } = format === 'csv' ? (EXPORTS[what].csv ?? EXPORTS[what]) : EXPORTS[what];
  const named = columns[1]?.name === 'deal_id' && columns[2]?.name === 'prospect_name';
  let names: Map<unknown, unknown> | null = null;
  if (named) {
    names = new Map();
    const deals = db.prepare("SELECT d.id, p.name, nullif(p.company, ''), d.title FROM deals d JOIN prospects p ON p.id = d.prospect_id").raw(true);
    for (const row of deals.iterate() as IterableIterator<unknown[]>) names.set(row[0], keep(row));
  }
  return { columns, rows: pagedRows(db, sql, PAGE), names };
}

/** The scheduled follow-ups with their prospect and deal, for the calendar, soonest first. */
export function iterateScheduledForCalendar(db: Database): IterableIterator<Record<string, unknown>> {
  return db
    .prepare(
      `SELECT x.id, x.deal_id, x.due_at, x.channel, x.purpose, x.agreed, x.notes, p.name AS prospect_name, p.company,
         d.title AS deal_title, d.value_minor, d.currency, p.phone, p.email
       FROM followups x JOIN deals d ON d.id = x.deal_id JOIN prospects p ON p.id = d.prospect_id
       WHERE x.status = 'scheduled' ORDER BY x.due_at, x.id`,
    )
    .iterate() as IterableIterator<Record<string, unknown>>;
}
