import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { isoInZone } from '../../src/core/time.js';
import { splitCsv } from '../../src/commands/importCsvSplit.js';
import { csv, csvHeader } from '../../src/render/csv.js';
import { csvDealNames, csvLines, jsonElement } from '../../src/render/exportCells.js';
import { instantFormatter } from '../../src/render/instant.js';
import type { ExportColumn } from '../../src/db/exportQueries.js';

describe('csv (listings)', () => {
  it('quotes, guards text and keeps numbers', () => {
    expect(csv(['name', 'value', 'ok'], [['=1+1, "x"', -5, true], ['line\nbreak', null, false]])).toBe(
      'name,value,ok\n"\'=1+1, ""x""",-5,true\n"line\nbreak",,false\n',
    );
  });

  it('writes the bytes csv-stringify wrote, with the guard on text before it', () => {
    const unit = fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '=', '-', '+', '@', '\t', 'é');
    const value = fc.oneof(fc.string({ unit }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined));
    const names = fc.array(fc.string({ unit: fc.constantFrom('a', '_', ',', '"') }), { minLength: 1 });
    fc.assert(
      fc.property(names, fc.array(fc.array(value)), (columns, rows) => {
        const guarded = rows.map((row) => row.map((cell) => (typeof cell === 'string' && /^[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : (cell ?? ''))));
        expect(csv(columns, rows)).toBe(stringify([columns, ...guarded], { cast: { boolean: (v) => (v ? 'true' : 'false') } }));
      }),
    );
  });

  it("is read back by import's own reader (commands/importCsvSplit.ts) as the cells written, text guarded", () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '=', '-', '@', 'é') });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1 }), fc.array(fc.array(text, { minLength: 1 })), (columns, rows) => {
        const guarded = rows.map((row) => row.map((cell) => (/^[=+\-@\t\r\n]/.test(cell) ? `'${cell}` : cell)));
        expect(splitCsv(csv(columns, rows), ',')).toEqual([columns, ...guarded]);
      }),
    );
  });
});

const columns: ExportColumn[] = [
  { name: 'id', kind: 'int' },
  { name: 'name', kind: 'text' },
  { name: 'value', kind: 'money' },
  { name: 'currency', kind: 'text' },
  { name: 'closure', kind: 'bool' },
  { name: 'due_at', kind: 'instant' },
  { name: 'tags', kind: 'list' },
];

describe('csvLines', () => {
  const line = csvLines(columns, 'Asia/Jakarta');
  it.each([
    [[1, 'Budi', 150050, 'USD', 1, '2026-11-22T08:00:00.000Z', '["hot","q4"]'], '1,Budi,1500.50,USD,true,2026-11-22T15:00:00+07:00,hot; q4\r\n'],
    [[2, '=HYPERLINK("x")', 5, 'JPY', 0, null, '[]'], '2,"\'=HYPERLINK(""x"")",5,JPY,false,,\r\n'],
    [[3, '\nleading line feed', null, null, null, null, '["-x"]'], '3,"\'\nleading line feed",,,,,\'-x\r\n'],
    [[4, '-5', 100, 'BHD', 1, null, '[]'], "4,'-5,0.100,BHD,true,,\r\n"],
    [[5, 'a,b "c"', 0, 'USD', 0, null, null], '5,"a,b ""c""",0.00,USD,false,,\r\n'],
  ])('%j', (row, expected) => {
    expect(line(row)).toBe(expected);
  });

  it('reads back as the same cells through csv-parse', () => {
    const text = csvHeader(columns.map((column) => column.name)) + line([7, 'Ахмед, "Sr."\nline 2', 150050, 'USD', 1, '2026-11-22T08:00:00.000Z', '[]']);
    expect(parse(text)).toEqual([
      ['id', 'name', 'value', 'currency', 'closure', 'due_at', 'tags'],
      ['7', 'Ахмед, "Sr."\nline 2', '1500.50', 'USD', 'true', '2026-11-22T15:00:00+07:00', ''],
    ]);
  });

  it('takes the deal names from memory when given', () => {
    const named: ExportColumn[] = [
      { name: 'id', kind: 'int' }, { name: 'deal_id', kind: 'int' }, { name: 'prospect_name', kind: 'text' },
      { name: 'company', kind: 'text' }, { name: 'deal_title', kind: 'text' }, { name: 'notes', kind: 'text' },
    ];
    const names = new Map<unknown, unknown>([[9, csvDealNames([9, 'Budi', 'PT Maju, Tbk', '@renewal'])]]);
    const toLine = csvLines(named, 'UTC', names);
    expect(toLine([1, 9, 'x'])).toBe('1,9,Budi,"PT Maju, Tbk",\'@renewal,x\r\n');
    expect(toLine([2, 10, null])).toBe('2,10,,,,\r\n');
  });

  it('takes ready-made name cells (csvDealNames) when told so', () => {
    const named: ExportColumn[] = [
      { name: 'id', kind: 'int' }, { name: 'deal_id', kind: 'int' }, { name: 'prospect_name', kind: 'text' },
      { name: 'company', kind: 'text' }, { name: 'deal_title', kind: 'text' }, { name: 'words', kind: 'cells' }, { name: 'notes', kind: 'text' },
    ];
    const names = new Map<unknown, unknown>([[9, csvDealNames([9, 'Budi', 'PT Maju, Tbk', '@renewal'])]]);
    const toLine = csvLines(named, 'UTC', names);
    expect(toLine([1, 9, 'call,closure,true', '=x'])).toBe('1,9,Budi,"PT Maju, Tbk",\'@renewal,call,closure,true,\'=x\r\n');
    expect(toLine([2, 10, null, null])).toBe('2,10,,,,,\r\n');
  });
});

describe('instantFormatter', () => {
  it.each(['UTC', 'Asia/Jakarta', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/St_Johns'])(
    'matches isoInZone in %s, across daylight-saving changes',
    (zone) => {
      const format = instantFormatter(zone);
      fc.assert(
        fc.property(fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }), (date) => {
          const stored = date.toISOString();
          expect(format(stored)).toBe(isoInZone(stored, zone));
        }),
        { numRuns: 300 },
      );
      for (const stored of ['2026-03-08T06:59:59.999Z', '2026-03-08T07:00:00.000Z', '2026-11-01T05:30:00.000Z', '2026-10-04T15:45:00.000Z']) {
        expect(format(stored)).toBe(isoInZone(stored, zone));
      }
    },
  );
});

describe('jsonElement', () => {
  it('nests as JSON.stringify(_, null, 2) does', () => {
    const rows = [{ a: 1, b: [1, 2], c: { d: null } }, {}];
    const text = `[\n${rows.map((r) => jsonElement(r, 1)).join(',\n')}\n]`;
    expect(text).toBe(JSON.stringify(rows, null, 2));
  });
});
