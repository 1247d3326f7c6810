// JSON shapes of the records, shared by every command: snake_case, instants in ISO 8601 with offset.
import { instant } from './instant.js';
import { toMajor } from '../core/money.js';
import { storedBestTimeText } from '../core/bestTime.js';
import { isClosure } from '../core/vocab.js';
import type { DealRow } from '../db/deals.js';
import type { ProspectRow } from '../db/prospects.js';
import type { FollowupRow } from '../db/followups.js';
import type { CommitmentRow } from '../db/commitments.js';

/** How a field's stored value becomes JSON: as it is, an instant with offset, a 0/1 flag, money, a list. */
export type FieldKind = 'text' | 'int' | 'instant' | 'bool' | 'money' | 'list';

/** One field of a record's JSON; a `money` field holds minor units and takes its currency from `currency`. */
export interface Field<N extends string = string, K extends FieldKind = FieldKind> {
  name: N;
  kind: K;
}

/** A record's JSON shape: its fields in order. The type parameter keeps each field's name and kind, for `JsonOf`. */
export interface Shape<F extends Field = Field> {
  fields: F[];
  /** Where `currency` is, for the money fields. */
  currencyAt: number;
}

/**
 * The JSON type of a field of this kind, as `shapedJson` makes it: text and int stay as stored (an id is never
 * null), instants and flags are null when unset, money null without an amount or a currency, a list always a list.
 */
type JsonValue<K extends FieldKind, N extends string> = K extends 'int'
  ? N extends 'id' | `${string}_id` ? number : number | null
  : { text: string | null; instant: string | null; bool: boolean | null; money: number | null; list: string[] }[Exclude<K, 'int'>];

/** A record's JSON object type from its shape: `JsonOf<typeof DEAL>` is a deal's JSON. */
export type JsonOf<S extends Shape> = S extends Shape<infer F> ? { [Each in F as Each['name']]: JsonValue<Each['kind'], Each['name']> } : never;

// The type parameters only carry the names and kinds into the shapes' types (`JsonOf`); the values are as before.
const f = <K extends FieldKind, const N extends readonly string[]>(kind: K, ...names: N) =>
  names.map((name) => ({ name, kind })) as Array<{ [I in keyof N]: Field<N[I], K> }[number]>;
const shape = <const G extends ReadonlyArray<readonly Field[]>>(...fields: G): Shape<G[number][number]> => {
  const all: Array<G[number][number]> = fields.flat();
  return { fields: all, currencyAt: all.findIndex((field) => field.name === 'currency') };
};

// The one JSON shape of each record. Every command's --json, the MCP server and `export <what> --format json`
// make their objects from these; the export reads the values with SQL of its own (db/exportQueries.ts), which
// test/render/records.test.ts holds equal to the projections below.
export const PROSPECT = shape(
  f('int', 'id'), f('text', 'name', 'company', 'role', 'email', 'phone'), f('bool', 'decision_maker'),
  f('text', 'segment', 'tz', 'best_time', 'channel', 'notes'), f('instant', 'created_at'),
);
export const DEAL = shape(
  f('int', 'id'), f('text', 'title'), f('int', 'prospect_id'), f('text', 'prospect_name', 'company'), f('money', 'value'),
  f('int', 'value_minor'), f('text', 'currency', 'status', 'stage'), f('instant', 'created_at', 'closed_at'), f('text', 'lost_reason'),
);
export const FOLLOWUP = shape(
  f('int', 'id', 'deal_id'), f('instant', 'due_at'), f('text', 'channel', 'purpose'), f('bool', 'closure', 'agreed'),
  f('text', 'status', 'outcome', 'notes'), f('instant', 'created_at', 'completed_at'),
);
export const COMMITMENT = shape(
  f('int', 'id', 'deal_id'), f('text', 'kind', 'what', 'given_by'), f('instant', 'promised_at'), f('text', 'payment', 'status'),
  f('instant', 'created_at', 'resolved_at'),
);
export const POSTMORTEM = shape(
  f('int', 'id', 'deal_id'), f('text', 'outcome', 'what_happened', 'assumption'), f('list', 'causes', 'reviewers'),
  f('text', 'feedback', 'lesson'), f('instant', 'created_at'),
);

// Each record's JSON object, as its shape makes it.
export type ProspectJson = JsonOf<typeof PROSPECT>;
export type DealJson = JsonOf<typeof DEAL>;
export type FollowupJson = JsonOf<typeof FOLLOWUP>;
export type CommitmentJson = JsonOf<typeof COMMITMENT>;
export type PostmortemJson = JsonOf<typeof POSTMORTEM>;

/**
 * A record's values, in its shape's order, as its JSON object: instants through `instant` (ISO 8601 with the
 * zone's offset), flags as booleans, money in major units (null without a currency), lists as arrays.
 */
export function shapedJson<S extends Shape>(shape: S, values: unknown[], instant: (stored: string) => string | null): JsonOf<S> {
  const { fields, currencyAt } = shape;
  const object: Record<string, unknown> = {};
  for (let i = 0; i < fields.length; i++) {
    const { name, kind } = fields[i]!;
    const value = values[i];
    // A value a row lacks stays undefined as text (JSON leaves the field out), as the objects were written by hand.
    if (value === null || value === undefined) object[name] = kind === 'list' ? [] : kind === 'text' || kind === 'int' ? value : null;
    else if (kind === 'instant') object[name] = instant(value as string);
    else if (kind === 'bool') object[name] = Boolean(value);
    else if (kind === 'money') object[name] = inMajor(value as number, values[currencyAt] as string | null);
    else if (kind === 'list') object[name] = Array.isArray(value) ? value : storedList(value);
    else object[name] = value;
  }
  return object as JsonOf<S>;
}

/** A stored JSON list ('["a","b"]'); anything else reads as one item, never as a crash. */
export function storedList(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  try {
    const parsed = JSON.parse(String(value));
    return Array.isArray(parsed) ? parsed.map(String) : [String(value)];
  } catch {
    return [String(value)];
  }
}

/** `instant` for `shapedJson`. */
const inZone = (zone: string) => (stored: string) => instant(stored, zone);

/** A prospect as JSON. */
export function prospectJson(p: ProspectRow, zone: string): ProspectJson {
  return shapedJson(
    PROSPECT,
    [p.id, p.name, p.company || null, p.role, p.email, p.phone, p.decision_maker, p.segment, p.tz, storedBestTimeText(p), p.channel, p.notes, p.created_at],
    inZone(zone),
  );
}

/** A deal's value in major units for JSON (1500.5), or null when it has none. */
export function majorValue(d: { value_minor: number | null; currency: string | null }): number | null {
  return inMajor(d.value_minor, d.currency);
}

/** Minor units in major units for JSON (1500.5), or null without an amount or a currency. */
function inMajor(minor: number | null, currency: string | null): number | null {
  return minor !== null && currency ? toMajor(minor, currency) : null;
}

/** A deal as JSON; `value` is in major units (1500.5), `value_minor` the exact integer. */
export function dealJson(d: DealRow, zone: string): DealJson {
  return shapedJson(
    DEAL,
    [d.id, d.title, d.prospect_id, d.prospect_name, d.company || null, d.value_minor, d.value_minor, d.currency, d.status, d.stage, d.created_at, d.closed_at, d.lost_reason],
    inZone(zone),
  );
}

/** A follow-up as JSON; `closure` is true for a closure call (core/vocab.ts isClosure). */
export function followupJson(f: FollowupRow, zone: string): FollowupJson {
  return shapedJson(
    FOLLOWUP,
    [f.id, f.deal_id, f.due_at, f.channel, f.purpose, isClosure(f.purpose), f.agreed, f.status, f.outcome, f.notes, f.created_at, f.completed_at],
    inZone(zone),
  );
}

/** A commitment as JSON. */
export function commitmentJson(c: CommitmentRow, zone: string): CommitmentJson {
  return shapedJson(
    COMMITMENT,
    [c.id, c.deal_id, c.kind, c.what, c.given_by, c.promised_at, c.payment, c.status, c.created_at, c.resolved_at],
    inZone(zone),
  );
}
