// The SQL that restates core/nameKey.ts: resolving a name (db/which.ts) finds what nameKey says, exact
// matches first, whether the key is ASCII (NOCASE and LIKE) or not (nameKey called from SQL); add's
// prospect and twin deal (db/nameKeySql.ts) are the same by nameKey, the oldest of several; and SQLite's
// NOCASE and lower(), which the ASCII keys and import's keys are made by, are nameKey where it says so.
import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/nameKey.js';
import { openDealNamed } from '../../src/db/dealTwins.js';
import { sameName } from '../../src/db/nameKeySql.js';
import { keyOf, prospectKey } from '../../src/db/importRows.js';
import { findProspect } from '../../src/db/prospects.js';
import { resolveDeal, resolveProspect } from '../../src/db/which.js';
import { AmbiguousError, NotFoundError } from '../../src/errors.js';
import { harness } from '../helpers.js';

const PROSPECTS: Array<[name: string, company: string, title: string]> = [
  ['Ömer Yılmaz', 'PT Ärzte', 'Klinik'],
  ['ÉLISE Durand', 'Maison', 'Fleet'],
  ['İlker Kaya', 'İstanbul AŞ', 'Filo'],
  ['Budi Santoso', 'PT Maju', 'Renewal'],
  ['ΟΔΟΣ', 'Kelvin \u212a', 'ΣΊΣΥΦΟΣ'],
  ['Иван', 'ООО Ромашка', 'Поставка'],
  ['elise', '', 'other'],
];

const TYPED = [
  'ömer', 'ÖMER YILMAZ', 'ömer yılmaz', 'ÉLISE', 'élise', 'Élise durand', 'elise', 'ELISE', 'pt ärzte', 'PT ÄRZTE', 'ärzte', 'ÄRZTE',
  'ilker', 'İlker', 'İLKER KAYA', 'i', 'İ', 'istanbul', 'İSTANBUL', 'aş', 'AŞ', 'οδος', 'οδοσ', 'ΟΔΟΣ', 'σίσυφος', 'ς', 'kelvin k', 'kelvin \u212a',
  'k', 'иван', 'ИВАН', 'ромашка', 'budi', 'BUDI SANTOSO', 'maju', 'renewal', 'e', 'é', 'ü', 'zzz', '%', '_', 'a%b',
];

/** The resolver's algorithm in plain JS over every record: exact keys first, else a piece of one. */
function expected(rows: Array<{ id: number; names: string[] }>, typed: string): number[] {
  const key = nameKey(typed.trim());
  const exact = rows.filter((r) => r.names.some((n) => nameKey(n) === key));
  return (exact.length ? exact : rows.filter((r) => r.names.some((n) => nameKey(n).includes(key)))).map((r) => r.id);
}

function found(find: () => { id: number }): number[] {
  try {
    return [find().id];
  } catch (error) {
    if (error instanceof AmbiguousError) return error.candidates.map((c) => Number(/^#(\d+)/.exec(c)![1]));
    if (error instanceof NotFoundError) return [];
    throw error;
  }
}

describe('resolving a name is nameKey', async () => {
  const h = harness();
  for (const [name, company, title] of PROSPECTS) {
    expect((await h.run(['add', name, '--company', company, '--deal', title, '--allow-duplicate'])).code).toBe(0);
  }
  const deals = h.db.prepare('SELECT d.id, p.name, p.company, d.title FROM deals d JOIN prospects p ON p.id = d.prospect_id ORDER BY d.id').all() as Array<{ id: number; name: string; company: string; title: string }>;
  const prospects = h.db.prepare('SELECT id, name, company FROM prospects ORDER BY id').all() as Array<{ id: number; name: string; company: string }>;

  it.each(TYPED)('deal %j', (typed) => {
    expect(found(() => resolveDeal(h.db, typed))).toEqual(expected(deals.map((d) => ({ id: d.id, names: [d.name, d.company, d.title] })), typed));
  });
  it.each(TYPED)('prospect %j', (typed) => {
    expect(found(() => resolveProspect(h.db, typed))).toEqual(expected(prospects.map((p) => ({ id: p.id, names: [p.name, p.company] })), typed));
  });
});

// Names around every edge of db/nameKeySql.ts: ASCII or not, an ASCII start or none, starts that differ in
// case, end in '@', '`', 'z' or DEL (the range's upper bound), LIKE's '_', '%' and escape '\\', a character
// beyond the BMP (one character to LIKE), and the characters nameKey keeps or maps apart.
const NAMES = [
  'Budi', 'BUDI', 'budi', 'Bud', 'Ärzte', 'ärzte', 'ÄRZTE', 'Arzte', 'Ömer', 'ömer', 'Omer', 'İlker', 'ilker', 'Élise', 'élise', 'ELISE',
  'ΟΔΟΣ', 'οδος', 'οδοσ', 'Kelvin', '\u212aelvin', 'PT Ärzte', 'pt ÄRZTE', 'PT ärzt', 'PT Arzte', 'PTÄrzte', 'pt äRZTEN', 'Jürgen', 'JÜRGEN',
  'jurgen', 'JÜRGEn X', '@Ä', '@ä', '`ä', 'aä', 'zÉ', 'Zé', '{é', '\u007fé', '\u007fÉ', 'é', 'É', 'Ä_b', 'ä_B', 'Äxb', 'Ä%', 'ä%', 'Äzz',
  'Ä\\_', 'ä\\_', 'Ä\\', 'Ä\\x', 'Ä\\X', '𐐀x', '𐐨X', '𐐨', '',
];

describe('add finds a prospect and its twin deal by nameKey (db/nameKeySql.ts)', () => {
  const h = harness();
  const COMPANIES = ['', 'PT Ärzte', 'pt ärzte', 'PT Maju', 'pt maju', 'Élan', 'ÉLAN', 'Zé'];
  const insert = h.db.prepare("INSERT INTO prospects (name, company, created_at) VALUES (?, ?, 'x')");
  const rows: Array<{ id: number; name: string; company: string }> = [];
  for (const name of NAMES) for (const company of COMPANIES) rows.push({ id: Number(insert.run(name, company).lastInsertRowid), name, company });
  const titled = h.db.prepare("INSERT INTO deals (prospect_id, title, status, created_at) VALUES (1, ?, ?, 'x')");
  const deals = NAMES.flatMap((title) => ['open', 'won', 'open'].map((status) => ({ id: Number(titled.run(title, status).lastInsertRowid), title, status })));

  it.each(NAMES)('findProspect(%j, each company): the oldest of the same nameKey', (name) => {
    for (const company of COMPANIES) {
      const same = rows.filter((r) => nameKey(r.name) === nameKey(name) && nameKey(r.company) === nameKey(company));
      expect([name, company, findProspect(h.db, name, company)?.id]).toEqual([name, company, same[0]?.id]);
      expect(same.length).toBeGreaterThan(0);
    }
    expect(findProspect(h.db, `${name}x`, 'nowhere')).toBeUndefined();
  });
  it.each(NAMES)('openDealNamed(1, %j): the oldest open deal of the same nameKey', (title) => {
    const same = deals.filter((d) => d.status === 'open' && nameKey(d.title) === nameKey(title));
    expect(openDealNamed(h.db, 1, title)).toBe(same[0]!.id);
    expect(openDealNamed(h.db, 2, title)).toBeUndefined();
  });
});

describe("findProspect's SQL searches the NOCASE index, whatever the name", () => {
  const h = harness();
  it.each([
    ['Budi', 'PT Maju', 'SEARCH prospects USING INDEX prospects_name_company (name=? AND company=?)'],
    ['Budi', 'PT Ärzte', 'SEARCH prospects USING INDEX prospects_name_company (name=? AND company>? AND company<?)'],
    ['Ahmed Müller', 'PT Maju', 'SEARCH prospects USING INDEX prospects_name_company (name>? AND name<?)'],
    ['Ömer', 'PT Ärzte', 'SEARCH prospects USING INDEX prospects_name_company (name>?)'],
    ['Ömer', '', 'SEARCH prospects USING INDEX prospects_name_company (name>?)'],
  ])('%j at %j', (name, company, plan) => {
    const values: Record<string, string | number> = {};
    const where = `${sameName(h.db, 'name', name, 'name', values)} AND ${sameName(h.db, 'company', company, 'company', values)}`;
    const steps = h.db.prepare(`EXPLAIN QUERY PLAN SELECT * FROM prospects WHERE ${where} ORDER BY id LIMIT 1`).all(values) as Array<{ detail: string }>;
    expect(steps[0]!.detail).toBe(plan);
  });
});

describe('NOCASE and lower() are nameKey on ASCII, and nameKey of lower() is nameKey', () => {
  const h = harness();
  it.each(NAMES)("import's key of lower(%j) || char(0) || lower(each) is prospectKey", (name) => {
    for (const company of ['', 'PT Ärzte', 'pt ÄRZTE', 'ΟΔΟΣ', 'Acme', name]) {
      const lowered = h.db.prepare('SELECT lower(?) || char(0) || lower(?)').pluck().get(name, company) as string;
      const key = prospectKey(name, company);
      expect([name, company, keyOf(lowered), keyOf(lowered, new Set([key])), keyOf(lowered, new Set([`${key}x`]))]).toEqual([name, company, key, key, undefined]);
    }
  });
  const ascii = NAMES.filter((n) => /^[\x00-\x7f]*$/.test(n));
  it.each(NAMES)('lower(%j)', (name) => {
    const lowered = h.db.prepare('SELECT lower(?)').pluck().get(name) as string;
    if (ascii.includes(name)) expect(lowered).toBe(nameKey(name));
    expect(nameKey(lowered)).toBe(nameKey(name));
  });
  it.each(ascii)('%j = each ASCII name COLLATE NOCASE', (name) => {
    for (const other of ascii) {
      expect([name, other, Boolean(h.db.prepare('SELECT ? = ? COLLATE NOCASE').pluck().get(name, other))]).toEqual([name, other, nameKey(name) === nameKey(other)]);
    }
  });
});
