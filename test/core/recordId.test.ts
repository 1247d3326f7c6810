import { describe, expect, it } from 'vitest';
import { isRecordId, recordIdDigits } from '../../src/core/recordId.js';

describe('recordIdDigits', () => {
  it.each([
    ['12', '12'],
    ['#12', '12'],
    [' #12 ', '12'],
    ['007', '007'],
    ['99999999999999999999', '99999999999999999999'],
    ['', undefined],
    ['#', undefined],
    ['##12', undefined],
    ['12#', undefined],
    ['# 12', undefined],
    ['-1', undefined],
    ['1.5', undefined],
    ['1e3', undefined],
    ['Budi', undefined],
    ['١٢', undefined], // Arabic-Indic digits are not \d
  ])('%j → %j', (text, digits) => {
    expect(recordIdDigits(text)).toBe(digits);
  });
});

describe('isRecordId', () => {
  it.each([
    ['12', true],
    ['#12', true],
    [' 12', false], // a word of argv as it is: nothing trimmed
    ['done', false],
    ['#', false],
  ])('%j → %j', (word, expected) => {
    expect(isRecordId(word)).toBe(expected);
  });
});
