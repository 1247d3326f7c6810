import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { splitCsv } from '../../src/commands/importCsvSplit.js';
import type { Delimiter } from '../../src/core/importText.js';

const DELIMITERS: Delimiter[] = [',', ';', '\t'];

function csvParse(text: string, delimiter: Delimiter): string[][] | string {
  try {
    return parse(text, { delimiter, relax_column_count: true }) as string[][];
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe('splitCsv reads what csv-parse reads, or leaves the file to it', () => {
  it.each([
    ['', []],
    ['\n', [['']]],
    ['a', [['a']]],
    ['a\n\n', [['a'], ['']]],
    ['\n\na', [[''], [''], ['a']]],
    ['a,', [['a', '']]],
    ['"a",', [['a', '']]],
    ['"",""\n', [['', '']]],
    ['"a""b",c', [['a"b', 'c']]],
    ['"""",""""""', [['"', '""']]],
    ['"a\nb",c\nd', [['a\nb', 'c'], ['d']]],
    ['x,"a\n\nb"\n\n"c"', [['x', 'a\n\nb'], [''], ['c']]],
  ])('%j', (text, records) => {
    expect(splitCsv(text, ',')).toEqual(records);
    expect(csvParse(text, ',')).toEqual(records);
  });

  it.each([' "a"', '"a" ', 'a"b', '"a"b', '"', 'a,"b', 'a\n"b""', 'ok\n"a"x,b\n'])('leaves %j to csv-parse (an error there)', (text) => {
    expect(splitCsv(text, ',')).toBeUndefined();
    expect(typeof csvParse(text, ',')).toBe('string');
  });

  it('gives the same records as csv-parse for any text it reads', () => {
    const char = fc.constantFrom('a', 'B', ' ', ',', ';', '\t', '"', '"', '\n', 'é', '€', '\u2028');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 40 }).map((cs) => cs.join('')), fc.constantFrom(...DELIMITERS), (text, delimiter) => {
        const records = splitCsv(text, delimiter);
        if (records !== undefined) expect(records).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads every well-formed file, quoted or not, as csv-parse does', () => {
    const cell = fc.array(fc.constantFrom('a', ' ', ',', ';', '\t', '"', '\n', 'ü'), { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 }), fc.constantFrom(...DELIMITERS), fc.boolean(), (rows, delimiter, finalBreak) => {
        const quote = (c: string) => (/[",;\t\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);
        const text = rows.map((r) => r.map(quote).join(delimiter)).join('\n') + (finalBreak && rows.length ? '\n' : '');
        const records = splitCsv(text, delimiter);
        expect(records).toBeDefined();
        expect(records).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });
});
