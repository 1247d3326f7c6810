import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, flagCell, quoteCell, startsFormula, storedTextCell, textCell } from '../../src/core/csvCell.js';

describe('csvCell', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1 555 0100', "'+1 555 0100"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', '"\'\rx"'],
    ['\nx', '"\'\nx"'],
    ['Budi', 'Budi'],
    ['a=b', 'a=b'],
    ['a,b "c"', '"a,b ""c"""'],
    ['=1+1, "x"', '"\'=1+1, ""x"""'],
    ['', ''],
    [-5, '-5'],
    [1500.5, '1500.5'],
    [0, '0'],
    [true, 'true'],
    [false, 'false'],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});

describe('storedTextCell: a stored value of a text column is text, a number in it guarded too', () => {
  it.each([
    ['=x', "'=x"],
    [-5, "'-5"],
    [12, '12'],
    ['a\nb', '"a\nb"'],
    [null, ''],
    [undefined, ''],
  ])('%j → %j', (value, cell) => {
    expect(storedTextCell(value)).toBe(cell);
  });
});

describe('flagCell', () => {
  it.each([[1, 'true'], [0, 'false'], [true, 'true'], [false, 'false'], [null, '']])('%j → %j', (value, cell) => {
    expect(flagCell(value)).toBe(cell);
  });
});

describe('startsFormula', () => {
  it.each([['=', true], ['+', true], ['-', true], ['@', true], ['\t', true], ['\r', true], ['\n', true], [' =', false], ["'=", false], ['', false], ['a', false]])(
    '%j → %j',
    (text, formula) => {
      expect(startsFormula(text)).toBe(formula);
    },
  );
});

/** The listings' cell as it was made before one rule: the guard on text, then csv-stringify. */
function stringifyCell(value: unknown): string {
  const guarded = typeof value === 'string' && /^[=+\-@\t\r\n]/.test(value) ? `'${value}` : value;
  return stringify([[guarded ?? '']], { cast: { boolean: (v) => (v ? 'true' : 'false') } }).slice(0, -1);
}

describe("the cell rule is csv-stringify's bytes", () => {
  const unit = fc.constantFrom('a', ',', '"', '\n', '\r', ' ', ';', 'é', '山', '\t', '=', '-', '+', '@', "'");
  it('quoteCell quotes as csv-stringify does (RFC 4180)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit })), (cells) => {
        if (!cells.length) return;
        expect(cells.map(quoteCell).join(',') + '\n').toBe(stringify([cells]));
      }),
    );
  });

  it('csvCell is the guard and csv-stringify for any value a listing holds', () => {
    const value = fc.oneof(fc.string({ unit }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.bigInt(), fc.date({ noInvalidDate: true }));
    fc.assert(
      fc.property(value, (v) => {
        expect(csvCell(v)).toBe(stringifyCell(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('textCell is csvCell of text', () => {
    fc.assert(fc.property(fc.string({ unit }), (text) => {
      expect(textCell(text)).toBe(csvCell(text));
    }));
  });
});
