// The property tests of npm test, with many more runs: parsers and whole argument vectors in every zone.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseBestTime } from '../../src/core/bestTime.js';
import { parseWhen } from '../../src/core/dates.js';
import { parseAmount } from '../../src/core/money.js';
import { checkZone, localDate } from '../../src/core/time.js';
import { amountText, argv, datePhrase, expectUsageLine, instant, windowText, zone, zoneText } from '../property/arbitraries.js';
import { checkArgv, seeded } from '../property/argvCheck.js';

const RUNS = Number(process.env.SALESCTL_LONG_PROPERTY_RUNS ?? 2000);

let cwd: string;
let scratch: string;
beforeAll(() => {
  cwd = process.cwd();
  scratch = mkdtempSync(join(tmpdir(), 'salesctl-long-argv-'));
  process.chdir(scratch);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(scratch, { recursive: true, force: true });
});

describe('parsers, many runs', () => {
  it('parseWhen', async () => {
    await fc.assert(
      fc.asyncProperty(datePhrase, instant, zone, async (text, now, tz) => {
        try {
          const when = await parseWhen(text, { now, zone: tz });
          if (Number.isNaN(when.at.getTime())) throw new Error(`invalid instant for '${text}'`);
          if (when.hadTime && when.date !== localDate(when.at, tz)) throw new Error(`date ${when.date} is not the local date of ${when.at.toISOString()}`);
        } catch (error) {
          expectUsageLine(error);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('parseAmount, parseBestTime, checkZone', () => {
    fc.assert(
      fc.property(amountText, windowText, zoneText, (amount, window, tz) => {
        for (const attempt of [() => parseAmount(amount, 'USD'), () => parseAmount(amount, 'JPY', { decimal: ',' }), () => parseBestTime(window), () => checkZone(tz)]) {
          try {
            attempt();
          } catch (error) {
            expectUsageLine(error);
          }
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });
});

describe('whole argument vectors, many runs', () => {
  it.each(['UTC', 'America/New_York', 'Asia/Jakarta', 'Australia/Lord_Howe', 'Pacific/Kiritimati'])('in %s', async (tz) => {
    const h = await seeded(tz);
    await fc.assert(fc.asyncProperty(argv, fc.boolean(), async (args, tty) => checkArgv(h, args, tty, tz)), { numRuns: Math.ceil(RUNS / 2) });
  });
});
