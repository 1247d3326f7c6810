// What a stored value may be, column by column: the same rules the commands apply when they write (an
// instant from Date.toISOString(), one of the fixed words of core/vocab.ts, the text limits of core/text.ts).
// A dump restore checks every row against them before writing anything, and doctor checks every stored
// row, so a damaged value is found before it breaks a read.
import {
  CHANNELS, COMMITMENT_KINDS, COMMITMENT_STATUSES, DEAL_STATUSES, FOLLOWUP_STATUSES, OUTCOMES, PAYMENT_FORMS, POSTMORTEM_OUTCOMES, PURPOSES,
} from '../core/vocab.js';
import type { Database } from 'better-sqlite3';
import { MAX_NAME, MAX_TEXT, MAX_TITLE } from '../core/text.js';

type Rule =
  | { kind: 'instant'; required?: boolean }
  | { kind: 'enum'; values: readonly string[]; required?: boolean }
  | { kind: 'text'; max: number; required?: boolean }
  | { kind: 'id'; required?: boolean };

const instant = (required = false): Rule => ({ kind: 'instant', required });
const oneOf = (values: readonly string[], required = false): Rule => ({ kind: 'enum', values, required });
const text = (max = MAX_TEXT, required = false): Rule => ({ kind: 'text', max, required });
const id = (required = true): Rule => ({ kind: 'id', required });

/** The checked columns of each table (other columns are left to SQLite's own constraints). */
export const STORED_RULES: Record<string, Record<string, Rule>> = {
  prospects: {
    id: id(), name: text(MAX_NAME, true), company: text(MAX_NAME), role: text(), email: text(), phone: text(), segment: text(),
    channel: oneOf(CHANNELS), notes: text(), created_at: instant(true),
  },
  deals: {
    id: id(), prospect_id: id(), title: text(MAX_TITLE, true), status: oneOf(DEAL_STATUSES, true), lost_reason: text(),
    created_at: instant(true), closed_at: instant(), last_touch_at: instant(), last_outcome: oneOf(OUTCOMES), previous_outcome: oneOf(OUTCOMES),
  },
  commitments: {
    id: id(), deal_id: id(), kind: oneOf(COMMITMENT_KINDS, true), what: text(), given_by: text(), promised_at: instant(),
    payment: oneOf(PAYMENT_FORMS), status: oneOf(COMMITMENT_STATUSES, true), created_at: instant(true), resolved_at: instant(),
  },
  followups: {
    id: id(), deal_id: id(), due_at: instant(true), channel: oneOf(CHANNELS, true), purpose: oneOf(PURPOSES, true),
    status: oneOf(FOLLOWUP_STATUSES, true), outcome: oneOf(OUTCOMES), notes: text(), created_at: instant(true), completed_at: instant(),
  },
  postmortems: {
    id: id(), deal_id: id(), outcome: oneOf(POSTMORTEM_OUTCOMES, true), what_happened: text(), assumption: text(), feedback: text(),
    lesson: text(), created_at: instant(true),
  },
  journal: { id: id(), deal_id: id(), at: instant(true), text: text(MAX_TEXT, true) },
  events: { id: id(), deal_id: id(), at: instant(true), kind: text(100, true), summary: text(MAX_TEXT, true) },
};

/** An instant as salesctl stores it: ISO 8601 with a zone, a real date (2026-02-30 is not). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isStoredInstant(value: string): boolean {
  if (!INSTANT.test(value)) return false;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return false;
  // Date.parse rolls 2026-02-30 over to March: the date part must survive the round trip in its own offset.
  const zone = /(Z|[+-]\d{2}:\d{2})$/.exec(value)![1]!;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  return new Date(ms + offset * 60_000).toISOString().slice(0, 10) === value.slice(0, 10);
}

/** Why `value` is not a valid `table.column`, or null when it is (or the column has no rule). */
export function storedValueProblem(table: string, column: string, value: unknown): string | null {
  const rule = STORED_RULES[table]?.[column];
  if (!rule) return null;
  if (value === null || value === undefined) return rule.required ? 'is missing' : null;
  switch (rule.kind) {
    case 'id':
      return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? null : `is not a record id (${describe(value)})`;
    case 'instant':
      return typeof value === 'string' && isStoredInstant(value) ? null : `is not an ISO 8601 instant with a zone (${describe(value)})`;
    case 'enum':
      return typeof value === 'string' && rule.values.includes(value) ? null : `is not one of ${rule.values.join(', ')} (${describe(value)})`;
    case 'text':
      if (typeof value !== 'string') return `is not text (${describe(value)})`;
      return value.length > rule.max ? `is ${value.length} characters long: at most ${rule.max} are allowed` : null;
  }
}

function describe(value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  return `found ${shown}`;
}

/** The first invalid field of a row, as "field: problem", or null. */
export function rowProblem(table: string, row: Record<string, unknown>): string | null {
  const rules = STORED_RULES[table];
  if (!rules) return null;
  for (const column of Object.keys(rules)) {
    // A column the row leaves out gets the table's default, or SQLite refuses it (NOT NULL).
    if (!(column in row)) continue;
    const problem = storedValueProblem(table, column, row[column]);
    if (problem) return `${column} ${problem}`;
  }
  return null;
}

/** The first stored value that breaks its rule, as "table #id: column problem", or null; `onRow` counts rows. */
export function firstDamagedValue(db: Database, onRow?: () => void): string | null {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
  for (const [name, rules] of Object.entries(STORED_RULES)) {
    if (!tables.has(name)) continue;
    const present = new Set((db.pragma(`table_info("${name}")`) as Array<{ name: string }>).map((c) => c.name));
    const columns = Object.keys(rules).filter((c) => present.has(c) && c !== 'id');
    // Table and column names come from STORED_RULES and table_info, never from input.
    const rows = db.prepare(`SELECT id, ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}"`).raw().iterate() as IterableIterator<unknown[]>;
    for (const row of rows) {
      onRow?.();
      for (let i = 0; i < columns.length; i++) {
        const problem = storedValueProblem(name, columns[i]!, row[i + 1]);
        if (problem) {
          rows.return?.();
          return `${name} #${String(row[0])}: ${columns[i]} ${problem}`;
        }
      }
    }
  }
  return null;
}
