// Which deal or which prospect a person means by what they typed: an id ('12', '#12'), else a piece of the
// prospect's name, the company or (for a deal) the title, compared by core/nameKey.ts's nameKey. An exact
// match wins over partial ones; several matches are ambiguous (exit 3), and the first 20 are listed.
import type { Database } from 'better-sqlite3';
import { nameKey } from '../core/nameKey.js';
import { recordIdDigits } from '../core/recordId.js';
import { AmbiguousError, NotFoundError } from '../errors.js';
import { describeDeal, getDeal, SELECT_DEAL, type DealRow } from './deals.js';
import { isAscii, sameName, withNameKey } from './nameKeySql.js';
import { getProspect, type ProspectRow } from './prospects.js';

/** What differs between finding a deal and finding a prospect: the rows, the names, the words. */
interface Records<Row> {
  byId(db: Database, id: number): Row | undefined;
  /** The SELECT the matches come from, and the columns holding the names. */
  select: string;
  names: readonly string[];
  order: string;
  describe(row: Row): string;
  noId(digits: string): string;
  noMatch(ref: string): string;
  /** What an empty name is told (by default, noMatch). */
  noName?: string;
  ambiguous(ref: string, count: string): string;
}

const DEALS: Records<DealRow> = {
  byId: getDeal,
  select: SELECT_DEAL,
  names: ['p.name', 'p.company', 'd.title'],
  order: 'd.id',
  describe: describeDeal,
  noId: (digits) => `no deal with id ${digits}: run 'salesctl list' to see the deals`,
  noMatch: (ref) => `no deal matches '${ref}': run 'salesctl list --status all' to see the deals`,
  noName: "no deal named '': give a deal id or a name, company or title",
  ambiguous: (ref, count) => `'${ref}' matches ${count} deals: give the deal id`,
};

const PROSPECTS: Records<ProspectRow> = {
  byId: getProspect,
  select: 'SELECT * FROM prospects',
  names: ['name', 'company'],
  order: 'id',
  describe: (p) => `#${p.id} ${p.name}${p.company ? ` (${p.company})` : ''}`,
  noId: (digits) => `no prospect with id ${digits}: run 'salesctl list --status all' to see them`,
  noMatch: (ref) => `no prospect matches '${ref}': run 'salesctl list --status all' to see them`,
  ambiguous: (ref, count) => `'${ref}' matches ${count} prospects: give the prospect id (#N) or more of the name`,
};

/** The deal a user means (`show 12`, `followup budi`, `close "fleet renewal" won`). */
export function resolveDeal(db: Database, ref: string): DealRow {
  return which(db, ref, DEALS);
}

/** The prospect a user means (`stats reach --prospect budi`). */
export function resolveProspect(db: Database, ref: string): ProspectRow {
  return which(db, ref, PROSPECTS);
}

function which<Row>(db: Database, ref: string, records: Records<Row>): Row {
  const text = ref.trim();
  const digits = recordIdDigits(text);
  if (digits !== undefined) {
    const row = records.byId(db, Number(digits));
    if (!row) throw new NotFoundError(records.noId(digits));
    return row;
  }
  if (!text) throw new NotFoundError(records.noName ?? records.noMatch(ref));
  const key = nameKey(text);
  const found = parameters(db, key);
  const exact = db.prepare(exactly(db, records, key, found)).all(found) as Row[];
  const matches = exact.length ? exact : (db.prepare(partly(records, key)).all(found) as Row[]);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new NotFoundError(records.noMatch(ref));
  throw new AmbiguousError(records.ambiguous(ref, matches.length > 20 ? 'more than 20' : String(matches.length)), matches.slice(0, 20).map(records.describe));
}

/** The SQL of the records whose name, company or title has the key: db/nameKeySql.ts's sameName. */
function exactly(db: Database, records: Records<unknown>, key: string, values: Record<string, string | number>): string {
  return `${records.select} WHERE ${records.names.map((column, i) => sameName(db, column, key, `same${i}`, values)).join(' OR ')} ORDER BY ${records.order} LIMIT 21`;
}

/**
 * The SQL of the records holding the key in a name, restating nameKey. An ASCII key (nearly every one) is
 * found by LIKE, which folds ASCII letters only, with no call into JavaScript: nameKey folds no letter into
 * or out of ASCII, so only an ASCII piece of a name can hold it, and on those LIKE's case rule is nameKey
 * (db/nameKeySql.ts). A key beyond ASCII calls nameKey only on the names that could hold it: holding the
 * key's longest ASCII piece (LIKE) and a character beyond ASCII.
 */
function partly(records: Records<unknown>, key: string): string {
  const ascii = isAscii(key);
  const one = (column: string): string =>
    ascii ? `${column} LIKE @pattern ESCAPE '\\'` : `(${column} LIKE @piece ESCAPE '\\' AND octet_length(${column}) > length(${column}) AND instr(name_key(${column}), @key))`;
  return `${records.select} WHERE ${records.names.map(one).join(' OR ')} ORDER BY ${records.order} LIMIT 21`;
}

/** The values the SQL of `partly` takes (`exactly` adds its own); for a key beyond ASCII, nameKey is made callable from SQL first. */
function parameters(db: Database, key: string): Record<string, string | number> {
  if (!isAscii(key)) withNameKey(db);
  const piece = (key.match(/[\x00-\x7f]+/g) ?? ['']).reduce((a, b) => (b.length > a.length ? b : a));
  return { key, pattern: like(key), piece: like(piece) };
}

/** '%text%' for LIKE ... ESCAPE '\\': the text anywhere. */
function like(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
