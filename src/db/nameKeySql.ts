// core/nameKey.ts's nameKey in SQL: whether a column holds the same name as a text. nameKey folds no letter
// across ASCII, so for an ASCII text it is NOCASE equality, which the NOCASE index prospects_name_company
// (migration 1) finds without reading the table, with no call into JavaScript. A text beyond ASCII calls
// nameKey from SQL (name_key()) only on the names that can match, found in C: in the NOCASE range of the
// text's ASCII start followed by a character beyond ASCII (an index range), and LIKE the text with each
// character beyond ASCII any one character. nameKey keeps the number of characters, folds an ASCII letter
// as LIKE does, and no other character into ASCII: a name of the same key has the same characters where
// the text's are ASCII (in any case), and one beyond ASCII where the text has one.
// test/db/nameKey.test.ts holds this equal to nameKey.
import type { Database } from 'better-sqlite3';
import { nameKey } from '../core/nameKey.js';

const ASCII = /^[\x00-\x7f]*$/;

/** Whether nameKey of the text is SQLite's NOCASE and lower(): its characters are all ASCII. */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

const callable = new WeakSet<Database>();

/** Makes name_key(text), nameKey, callable from SQL on this connection (once). */
export function withNameKey(db: Database): void {
  if (callable.has(db)) return;
  db.function('name_key', { deterministic: true }, (text: unknown) => nameKey(String(text)));
  callable.add(db);
}

/**
 * The SQL condition "`column` is the same name as `text`" by nameKey, its values put in `values` under
 * `@<as>...` names; for a text beyond ASCII, name_key() is made callable on `db` first.
 */
export function sameName(db: Database, column: string, text: string, as: string, values: Record<string, string | number>): string {
  if (isAscii(text)) {
    values[as] = text;
    return `${column} = @${as} COLLATE NOCASE`;
  }
  withNameKey(db);
  const start = /^[\x00-\x7f]*/.exec(text)![0].toLowerCase();
  values[`${as}From`] = `${start}\u0080`;
  values[`${as}Like`] = [...text].map((c) => (c > '\x7f' ? '_' : c === '\\' || c === '%' || c === '_' ? `\\${c}` : c)).join('');
  values[`${as}Key`] = nameKey(text);
  // Below the next ASCII start: '…a' ends below '…b'; with no ASCII start, every name beginning beyond ASCII.
  let range = `${column} >= @${as}From COLLATE NOCASE`;
  if (start) {
    values[`${as}To`] = `${start.slice(0, -1)}${String.fromCharCode(start.charCodeAt(start.length - 1) + 1)}`;
    range += ` AND ${column} < @${as}To COLLATE NOCASE`;
  }
  return `(${range} AND ${column} LIKE @${as}Like ESCAPE '\\' AND name_key(${column}) = @${as}Key)`;
}
