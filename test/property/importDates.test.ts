// For any date written day-first or month-first, an import either stores the instant meant or refuses the
// file; it never stores another instant. Dotted dates are written day-first (as everywhere that writes them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { harness, tempFiles } from '../helpers.js';
const RUNS = Number(process.env.SALESCTL_PROPERTY_RUNS ?? 100);

const { file } = tempFiles('salesctl-prop-dates-', 'dates');
const pad = (n: number) => String(n).padStart(2, '0');

const written = fc.record({
  order: fc.constantFrom('dmy', 'mdy'),
  separator: fc.constantFrom('/', '-', '.'),
  padded: fc.boolean(),
  shortYear: fc.boolean(),
  dates: fc.array(
    fc.tuple(fc.integer({ min: 2027, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
    { minLength: 1, maxLength: 4 },
  ),
  sayOrder: fc.boolean(),
});

describe('dates in an imported column', () => {
  it('are stored as the instant meant, or the file is refused', async () => {
    await fc.assert(
      fc.asyncProperty(written, async ({ order, separator, padded, shortYear, dates, sayOrder }) => {
        const dotted = separator === '.';
        const writeOrder = dotted ? 'dmy' : order;
        const text = ([y, m, d]: [number, number, number]) => {
          const [a, b] = writeOrder === 'dmy' ? [d, m] : [m, d];
          const part = (n: number) => (padded ? pad(n) : String(n));
          return `${part(a)}${separator}${part(b)}${separator}${shortYear ? String(y).slice(2) : y}`;
        };
        const h = harness('2026-11-23T08:30:00+07:00', 'Asia/Jakarta');
        const csv = `Name,Next Follow-up\n${dates.map((date, i) => `P${i},${text(date)}`).join('\n')}\n`;
        const args = ['import', file(csv), ...(sayOrder ? ['--date-order', writeOrder] : [])];
        const r = await h.run(args);
        const stored = h.db.prepare('SELECT due_at FROM followups ORDER BY id').pluck().all();
        if (r.code !== 0) {
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/^salesctl: .*--date-order dmy\|mdy.*nothing was imported\n$/);
          expect(stored).toEqual([]);
          return;
        }
        // 09:00 in Jakarta (UTC+7) is 02:00 UTC.
        expect(stored).toEqual(dates.map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}T02:00:00.000Z`));
      }),
      { numRuns: RUNS },
    );
  });
});
