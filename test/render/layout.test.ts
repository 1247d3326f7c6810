import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cells, cut, fit, OWN_SYMBOLS, wrap, type Column } from '../../src/render/layout.js';
import { table } from '../../src/render/text.js';

describe('cells', () => {
  it.each([
    ['Budi', 4], ['Müller', 6], ['山田 太郎', 9], ['★', 1], ['…', 1], ['—', 1], ['😀', 2], ['e\u0301', 1], ['\u001b[31mred\u001b[39m', 3], ['', 0],
  ])('%j takes %i cells', (text, width) => {
    expect(cells(text)).toBe(width);
  });

  it('knows the width of every symbol salesctl prints as string-width does', () => {
    for (const symbol of OWN_SYMBOLS) expect([symbol, cells(symbol)]).toEqual([symbol, stringWidth(symbol)]);
  });

  it('measures as string-width does below U+1100', () => {
    const differ: string[] = [];
    for (let code = 0x20; code < 0x1100; code++) {
      if (code >= 0x7f && code <= 0x9f) continue;
      const text = `a${String.fromCodePoint(code)}b`;
      if (cells(text) !== stringWidth(text)) differ.push(code.toString(16));
    }
    expect(differ).toEqual([]);
  });
});

describe('cut', () => {
  it.each([
    ['Fleet renewal', 10, 'Fleet ren…'],
    ['Fleet renewal', 13, 'Fleet renewal'],
    ['山田 太郎', 6, '山田 …'],
    ['山田太郎', 4, '山…'],
    ['\u001b[31mFleet renewal\u001b[39m', 6, '\u001b[31mFleet…\u001b[39m'],
  ])('%j in %i cells is %j', (text, width, expected) => {
    expect(cut(text, width)).toBe(expected);
    expect(cells(cut(text, width))).toBeLessThanOrEqual(width);
  });
});

describe('fit', () => {
  const columns: Column[] = [{ header: 'Id' }, { header: 'Prospect' }, { header: 'Company', cut: 2, drop: 2 }, { header: 'Title', cut: 1 }, { header: 'Value', drop: 1 }];
  it.each<[number, Array<number | null>]>([
    [200, [4, 20, 20, 40, 12]],
    // 4+20+20+40+12 + 8 = 104: the title gives way first
    [100, [4, 20, 20, 36, 12]],
    // the title down to 10, then the company down to 10
    [80, [4, 20, 20, 16, 12]],
    [70, [4, 20, 16, 10, 12]],
    // then the value goes, and the company has room again
    [60, [4, 20, 20, 10, null]],
    // then the company; ids and prospects stay whole
    [40, [4, 20, null, 12, null]],
    // nothing left to drop: the title is cut below its floor
    [30, [4, 20, null, 2, null]],
  ])('at %i columns: %j', (width, widths) => {
    expect(fit(columns, [4, 20, 20, 40, 12], width)).toEqual(widths);
  });
});

describe('fit with a floor of its own', () => {
  it('keeps a reason at 24 cells while the title is cut to 10, then leaves out the suggestion', () => {
    const columns: Column[] = [{ header: 'Deal' }, { header: 'Prospect' }, { header: 'Company', cut: 2, drop: 2 }, { header: 'Title', cut: 1 }, { header: 'Why', cut: 1, min: 24 }, { header: 'Suggestion', drop: 1 }];
    expect(fit(columns, [4, 19, 16, 13, 60, 44], 80)).toEqual([4, 19, 15, 10, 24, null]);
  });
});

describe('wrap', () => {
  it('wraps prose at words, keeping the first indent and indenting what follows', () => {
    expect(wrap('  lesson: talk to the person who signs before the demo', 24, 4)).toBe('  lesson: talk to the\n    person who signs\n    before the demo');
    expect(wrap('short', 24, 4)).toBe('short');
  });
});

describe('table on a terminal', () => {
  const view = { isTTY: true, color: true, now: new Date('2026-11-23T01:00:00Z'), zone: 'UTC', width: 40 };

  it('pads each cell to its column and cuts only what does not fit, colour kept', () => {
    const rows = [['#1', 'Budi', '\u001b[31mlost\u001b[39m'], ['#12', 'Dewi Lestari Kusuma Wardhani Putri', 'open']];
    expect(table(view, ['Id', { header: 'Prospect', cut: 1 }, 'Status'], rows).replace(/\u001b\[[0-9;]*m/g, '')).toBe(
      'Id   Prospect                     Status\n' + '#1   Budi                         lost\n' + '#12  Dewi Lestari Kusuma Wardha…  open\n',
    );
  });

  it('draws 130,000 rows (a column of widths too long to spread into Math.max)', () => {
    const rows = Array.from({ length: 130_000 }, (_, i) => [`#${i}`, `Prospect ${i}`]);
    const text = table({ ...view, color: false }, ['Id', 'Prospect'], rows);
    expect(text.split('\n')).toHaveLength(130_002);
    expect(text.split('\n')[130_000]).toBe('#129999  Prospect 129999');
  });
});
