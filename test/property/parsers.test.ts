// Property tests over the parsers a salesperson's typing goes through: whatever the input, the answer is a
// sane value or one clear UsageError line, never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBestTime } from '../../src/core/bestTime.js';
import { parseWhen } from '../../src/core/dates.js';
import { parseAmount, toDecimalString } from '../../src/core/money.js';
import { checkZone, localDate, localTime } from '../../src/core/time.js';
import { amountText, datePhrase, expectUsageLine, instant, windowText, zone, zoneText } from './arbitraries.js';

export const RUNS = Number(process.env.SALESCTL_PROPERTY_RUNS ?? 100);
const CURRENCIES = ['USD', 'IDR', 'JPY', 'BHD', 'EUR'];
/** How each prints: every decimal the currency has (ISO 4217, as Intl gives it), no leading zero. */
const DECIMALS: Record<string, RegExp> = { USD: /^(0|[1-9]\d*)\.\d{2}$/, IDR: /^(0|[1-9]\d*)$/, JPY: /^(0|[1-9]\d*)$/, BHD: /^(0|[1-9]\d*)\.\d{3}$/, EUR: /^(0|[1-9]\d*)\.\d{2}$/ };

describe('parseWhen', () => {
  it('gives a valid instant and its local date, or one UsageError line', async () => {
    await fc.assert(
      fc.asyncProperty(datePhrase, instant, zone, async (text, now, tz) => {
        try {
          const when = await parseWhen(text, { now, zone: tz, flag: '--at' });
          expect(Number.isNaN(when.at.getTime())).toBe(false);
          expect(when.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (when.hadTime) expect(when.date).toBe(localDate(when.at, tz));
        } catch (error) {
          expectUsageLine(error);
          expect((error as Error).message).toContain('for --at');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reads back a valid ISO date and time in zones without daylight saving exactly', async () => {
    const wallClock = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
    await fc.assert(
      fc.asyncProperty(wallClock, instant, fc.constantFrom('UTC', 'Asia/Jakarta', 'Asia/Kolkata', 'Pacific/Kiritimati'), async ([y, mo, d, h, mi], now, tz) => {
        const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const time = `${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
        const when = await parseWhen(`${date} ${time}`, { now, zone: tz });
        expect([localDate(when.at, tz), localTime(when.at, tz), when.hadTime]).toEqual([date, time, true]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseAmount', () => {
  it('gives a non-negative safe integer, or one UsageError line', () => {
    fc.assert(
      fc.property(amountText, fc.constantFrom(...CURRENCIES), (text, currency) => {
        try {
          const minor = parseAmount(text, currency, { flag: '--value' });
          expect(Number.isSafeInteger(minor) && minor >= 0).toBe(true);
        } catch (error) {
          expectUsageLine(error);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reads back every amount it prints, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom(...CURRENCIES), (minor, currency) => {
        const text = toDecimalString(minor, currency);
        expect(parseAmount(text, currency)).toBe(minor);
        const grouped = text.replace(/^\d+/, (whole) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
        expect(parseAmount(grouped, currency)).toBe(minor);
        expect(parseAmount(text.replace('.', ','), currency, { decimal: ',' })).toBe(minor);
        expect(text).toMatch(DECIMALS[currency]!);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('parseBestTime', () => {
  it('gives a window with start before end in HH:MM, or one UsageError line', () => {
    fc.assert(
      fc.property(windowText, (text) => {
        try {
          const window = parseBestTime(text);
          expect(window.start).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
          expect(window.end).toMatch(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/);
          expect(window.start < window.end).toBe(true);
        } catch (error) {
          expectUsageLine(error);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('checkZone', () => {
  it('accepts a zone Intl knows and refuses the rest with one UsageError line', () => {
    fc.assert(
      fc.property(zoneText, (text) => {
        try {
          expect(checkZone(text)).toBe(text);
          expect(() => new Intl.DateTimeFormat('en-US', { timeZone: text })).not.toThrow();
        } catch (error) {
          expectUsageLine(error);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
