import { describe, expect, it } from 'vitest';
import { nameKey } from '../../src/core/nameKey.js';

describe('nameKey: how a name finds a deal or prospect, and when two records have the same name', () => {
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

describe('nameKey of names joined is their keys joined (import keys name and company as one text)', () => {
  it.each([
    ['ΟΔΟΣ', 'ΣΊΣΥΦΟΣ'],
    ['Σ', ''],
    ['PT Ärzte', 'İlker'],
    ['\u212aelvin', 'BUDI'],
    ['', 'ÉLISE'],
  ])('%j + %j', (a, b) => {
    expect(nameKey(`${a}\u0000${b}`)).toBe(`${nameKey(a)}\u0000${nameKey(b)}`);
  });
});
