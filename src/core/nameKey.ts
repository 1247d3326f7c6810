// How names compare whatever their case: the prospect's name, the company and the deal title.
//
// Two rules, for two different questions:
// - nameKey: which deal or prospect a person means by what they typed (show, followup, … <deal>, stats
//   --prospect, list --search). Every letter folds, 'ÉLISE' and 'élise' and 'Ömer' and 'ömer' alike.
// - sameNameKey: whether two records have the same name (add reuses a prospect and refuses a twin deal,
//   import does both): ASCII letters only, as SQLite's NOCASE does, because the prospects_name_company
//   index of migration 1 is NOCASE and finds the prospect without reading the table; 'Ärzte' and 'ärzte'
//   stay two prospects until a migration changes that index.
// On an ASCII name the two agree, and nameKey folds no letter across ASCII ('İ' and the Kelvin sign 'K',
// whose lowercase is or holds an ASCII letter, stay as they are), so SQL finds an ASCII key with NOCASE
// and LIKE (test/db/nameKey.test.ts holds them equal).

const LETTER_BY_LETTER = /[\u0130\u212a\u03a3\u03c2]/;

/**
 * The key a typed name is found by: Unicode's lowercase letter by letter (whatever the locale), 'ς' as
 * 'σ' (so 'ΟΔΟΣ' is found by 'οδος'), 'İ' and 'K' as they are. It keeps the number of characters.
 */
export function nameKey(text: string): string {
  if (!LETTER_BY_LETTER.test(text)) return text.toLowerCase();
  let key = '';
  for (const c of text) key += c === '\u0130' || c === '\u212a' ? c : c === '\u03a3' || c === '\u03c2' ? '\u03c3' : c.toLowerCase();
  return key;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The key records are the same by: ASCII letters folded, every other character as it is (SQLite's NOCASE). */
export function sameNameKey(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}
