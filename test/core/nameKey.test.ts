import { describe, expect, it } from 'vitest';
import { nameKey, sameNameKey } from '../../src/core/nameKey.js';

describe('nameKey: how a typed name finds a deal or prospect', () => {
  it.each([
    ['Budi Santoso', 'budi santoso'],
    ['PT MAJU', 'pt maju'],
    ['Ömer', 'ömer'],
    ['ÉLISE', 'élise'],
    ['PT Ärzte', 'pt ärzte'],
    ['Jürgen Groß', 'jürgen groß'],
    ['ΟΔΟΣ', 'οδοσ'], // no final-sigma form: 'οδος' and 'ΟΔΟΣ' find each other
    ['οδος', 'οδοσ'],
    ['ΣΊΣΥΦΟΣ', 'σίσυφοσ'],
    ['İlker', 'İlker'], // its lowercase 'i̇' is two characters, one of them ASCII: kept
    ['\u212aelvin', '\u212aelvin'], // the Kelvin sign, whose lowercase is ASCII 'k': kept
    ['IRMA', 'irma'], // whatever the locale: no Turkish dotless ı
    ['ИВАН', 'иван'],
    ['𐐀', '𐐨'], // beyond the BMP, still one character
    ['', ''],
  ])('%j → %j', (text, key) => {
    expect(nameKey(text)).toBe(key);
    expect([...nameKey(text)].length).toBe([...text].length);
  });
});

describe('sameNameKey: when two records have the same name (SQLite NOCASE)', () => {
  it.each([
    ['Budi Santoso', 'budi santoso'],
    ['PT Ärzte', 'pt Ärzte'],
    ['ÖMER', 'Ömer'],
    ['Élise', 'Élise'],
    ['İlker', 'İlker'],
    ['', ''],
  ])('%j → %j', (text, key) => {
    expect(sameNameKey(text)).toBe(key);
  });
});
