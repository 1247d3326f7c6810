import { describe, expect, it } from 'vitest';
import { forecastPlace, totalsByCurrency, type LatestCommitment } from '../../src/core/forecast.js';
import type { DealStatus } from '../../src/core/vocab.js';

describe('forecastPlace: only an open deal whose latest commitment is a pending firm one counts', () => {
  it.each<[DealStatus, LatestCommitment | null, string]>([
    ['open', { kind: 'firm', status: 'pending' }, 'forecast'],
    ['open', { kind: 'low', status: 'pending' }, 'pipeline'],
    ['open', { kind: 'delegate', status: 'pending' }, 'pipeline'],
    ['open', { kind: 'firm', status: 'kept' }, 'out'],
    ['open', { kind: 'firm', status: 'broken' }, 'out'],
    ['open', { kind: 'firm', status: 'superseded' }, 'out'],
    ['open', { kind: 'low', status: 'broken' }, 'out'],
    ['open', null, 'out'],
    ['won', { kind: 'firm', status: 'pending' }, 'out'],
    ['lost', { kind: 'firm', status: 'pending' }, 'out'],
    ['not-now', { kind: 'firm', status: 'pending' }, 'out'],
    ['not-now', { kind: 'low', status: 'pending' }, 'out'],
  ])('%s deal, latest %j → %s', (status, latest, place) => {
    expect(forecastPlace(status, latest)).toBe(place);
  });
});

describe('totalsByCurrency', () => {
  const deal = (id: number, value_minor: number | null, currency: string | null) => ({ id, value_minor, currency });

  it.each([
    ['nothing', [], [], []],
    ['one currency, exact cents', [deal(1, 10, 'USD'), deal(2, 20, 'USD')], [['USD', 30, [1, 2]]], []],
    ['sorted by code, never mixed', [deal(1, 100, 'USD'), deal(2, 5_000_000, 'IDR'), deal(3, 1, 'EUR')], [['EUR', 1, [3]], ['IDR', 5_000_000, [2]], ['USD', 100, [1]]], []],
    ['no value: not summed, returned apart', [deal(1, null, null), deal(2, 700, 'JPY')], [['JPY', 700, [2]]], [1]],
  ] as const)('%s', (_name, deals, totals, unpriced) => {
    const result = totalsByCurrency(deals);
    expect(result.totals.map((t) => [t.currency, t.totalMinor, t.deals.map((d) => d.id)])).toEqual(totals);
    expect(result.unpriced.map((d) => d.id)).toEqual(unpriced);
  });

  it('refuses a total that can no longer be exact', () => {
    expect(() => totalsByCurrency([deal(1, Number.MAX_SAFE_INTEGER, 'USD'), deal(2, 1, 'USD')])).toThrow(/too large/);
  });
});
