// How names compare whatever their case: the prospect's name, the company and the deal title.
//
// ONE rule, nameKey, for both questions asked of a name:
// - which deal or prospect a person means by what they typed (show, followup, … <deal>, stats --prospect,
//   list --search);
// - whether two records have the same name (add reuses a prospect and refuses a twin deal, import does both).
// Every letter folds: 'ÉLISE' and 'élise', 'PT ÄRZTE' and 'PT Ärzte', 'BUDI' and 'budi' are one name.
//
// nameKey folds no letter across ASCII: no ASCII letter folds to anything but its ASCII lowercase, and no
// other character folds into ASCII ('İ' and the Kelvin sign 'K', whose lowercase is or holds an ASCII
// letter, stay as they are). So on ASCII text nameKey is SQLite's NOCASE (and lower(), and LIKE's case
// rule), and SQL restates it there, with no call into JavaScript: db/nameKeySql.ts (a record of the same
// name: add's prospect and twin deal, through the NOCASE index prospects_name_company of migration 1, and
// the exact matches of what a person typed), db/which.ts (a name holding what was typed: LIKE) and
// db/importRows.ts (lower() for every record, nameKey only for the keys beyond ASCII). Beyond ASCII, SQL
// calls nameKey itself (name_key(), db/nameKeySql.ts). test/db/nameKey.test.ts holds them equal.

const LETTER_BY_LETTER = /[\u0130\u212a\u03a3\u03c2]/;

/**
 * The key a name is known by: Unicode's lowercase letter by letter (whatever the locale), 'ς' as 'σ' (so
 * 'ΟΔΟΣ' is found by 'οδος'), 'İ' and 'K' as they are. It keeps the number of characters, and the key of
 * two texts joined is the two keys joined.
 */
export function nameKey(text: string): string {
  if (!LETTER_BY_LETTER.test(text)) return text.toLowerCase();
  let key = '';
  for (const c of text) key += c === '\u0130' || c === '\u212a' ? c : c === '\u03a3' || c === '\u03c2' ? '\u03c3' : c.toLowerCase();
  return key;
}
