// The forecast does not assume the sale: only an open deal whose latest commitment is a pending firm one counts.
import type { CommitmentKind, CommitmentStatus, DealStatus } from './vocab.js';

/** Where a deal stands for the forecast: counted, shown as pipeline (never summed), or left out. */
export type ForecastPlace = 'forecast' | 'pipeline' | 'out';

/** The deal's latest commitment (by created_at, id), or null when it has none. */
export interface LatestCommitment {
  kind: CommitmentKind;
  status: CommitmentStatus;
}

/**
 * Decides whether a deal counts: open + latest commitment pending firm → forecast; pending low/delegate →
 * pipeline. A firm commitment still pending is not undone by a later, weaker one (a delegate note, a "low"
 * remark): with `firmPending` the deal stays in the forecast, and keptByEarlierFirm() says so.
 */
export function forecastPlace(dealStatus: DealStatus, latest: LatestCommitment | null, firmPending = false): ForecastPlace {
  if (dealStatus !== 'open' || !latest) return 'out';
  if (latest.status === 'pending' && latest.kind === 'firm') return 'forecast';
  if (firmPending) return 'forecast';
  if (latest.status !== 'pending') return 'out';
  return 'pipeline';
}

/** True when an open deal is in the forecast only because an earlier firm commitment is still pending. */
export function keptByEarlierFirm(dealStatus: DealStatus, latest: LatestCommitment | null, firmPending: boolean): boolean {
  return forecastPlace(dealStatus, latest, firmPending) === 'forecast' && !(latest?.status === 'pending' && latest.kind === 'firm');
}

/** A counted deal's value: exact minor units, or null when the deal has no value. */
export interface Valued {
  value_minor: number | null;
  currency: string | null;
}

/** The forecast of one currency: the exact sum in minor units and the deals behind it. */
export interface CurrencyTotal<T> {
  currency: string;
  totalMinor: number;
  deals: T[];
}

/**
 * Sums counted deals per currency (integers only, sorted by currency code). Deals without a value cannot
 * be summed: they come back in `unpriced` so the salesperson sees them.
 */
export function totalsByCurrency<T extends Valued>(deals: readonly T[]): { totals: CurrencyTotal<T>[]; unpriced: T[] } {
  const byCurrency = new Map<string, CurrencyTotal<T>>();
  const unpriced: T[] = [];
  for (const deal of deals) {
    if (deal.value_minor === null || !deal.currency) {
      unpriced.push(deal);
      continue;
    }
    const total = byCurrency.get(deal.currency) ?? { currency: deal.currency, totalMinor: 0, deals: [] };
    total.totalMinor += deal.value_minor;
    if (!Number.isSafeInteger(total.totalMinor)) throw new RangeError(`the ${deal.currency} forecast total is too large to add up exactly`);
    total.deals.push(deal);
    byCurrency.set(deal.currency, total);
  }
  const totals = [...byCurrency.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));
  return { totals, unpriced };
}
