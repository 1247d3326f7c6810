// The SQL that restates core/nameKey.ts: resolving a name (db/which.ts) finds what nameKey says, exact
// matches first, whether the key is ASCII (NOCASE and LIKE) or not (nameKey called from SQL); and
// SQLite's NOCASE and lower(), which add and import match records by, are sameNameKey.
import { describe, expect, it } from 'vitest';
import { nameKey, sameNameKey } from '../../src/core/nameKey.js';
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

describe('NOCASE and lower() are sameNameKey', () => {
  const h = harness();
  const NAMES = ['Budi', 'BUDI', 'budi', 'Ärzte', 'ärzte', 'ÄRZTE', 'Ömer', 'ömer', 'İlker', 'ilker', 'Élise', 'élise', 'ΟΔΟΣ', 'οδος', 'Kelvin', '\u212aelvin', ''];
  it.each(NAMES)('lower(%j)', (name) => {
    expect(h.db.prepare('SELECT lower(?)').pluck().get(name)).toBe(sameNameKey(name));
  });
  it.each(NAMES)('%j = each COLLATE NOCASE', (name) => {
    for (const other of NAMES) {
      expect([name, other, Boolean(h.db.prepare('SELECT ? = ? COLLATE NOCASE').pluck().get(name, other))]).toEqual([name, other, sameNameKey(name) === sameNameKey(other)]);
    }
  });
});
