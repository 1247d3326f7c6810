import { describe, expect, it } from 'vitest';
import { bars } from '../../src/render/bars.js';

describe('bars', () => {
  it.each([
    ['nothing', [], 10, ''],
    ['one bar fills the width', [{ label: 'segment', value: 3 }], 5, 'segment  █████ 3\n'],
    [
      'scaled to the largest, labels padded',
      [
        { label: 'segment', value: 4 },
        { label: 'price', value: 2 },
        { label: 'timing', value: 1 },
      ],
      8,
      'segment  ████████ 4\nprice    ████ 2\ntiming   ██ 1\n',
    ],
    ['a small value still shows one block', [{ label: 'a', value: 100 }, { label: 'b', value: 1 }], 10, 'a  ██████████ 100\nb  █ 1\n'],
    ['zero shows no bar', [{ label: 'a', value: 0 }], 10, 'a  0\n'],
  ])('%s', (_name, rows, width, expected) => expect(bars(rows, { width })).toBe(expected));

  it('paints only the bar', () => {
    expect(bars([{ label: 'x', value: 1 }], { width: 2, paintBar: (b) => `<${b}>` })).toBe('x  <██> 1\n');
  });
});
