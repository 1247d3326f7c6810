// The forecast as people and spreadsheets read it.
import type { CurrencyTotal } from '../core/forecast.js';
import { formatMoney, toDecimalString, toMajor } from '../core/money.js';
import type { ForecastRow } from '../db/dealViews.js';
import { dealValue } from './deals.js';
import { instant, when } from './instant.js';
import { paint, safe, table, type Column, type View } from './text.js';

export interface Forecast {
  totals: CurrencyTotal<ForecastRow>[];
  /** Firm but without a value: counted by nobody, shown so the value gets filled in. */
  unpriced: ForecastRow[];
  pipeline: ForecastRow[];
}

/** A deal counted in the forecast, in `forecast --json`. */
export interface ForecastDealJson {
  deal_id: number;
  prospect: string;
  company: string | null;
  title: string;
  value: number;
  promised_at: string | null;
  /** The earlier firm commitment that keeps the deal in the forecast under a later, weaker one. */
  kept_by_firm: number | null;
}

/** One currency's total, in `forecast --json`. */
export interface ForecastTotalJson {
  currency: string;
  total: number;
  deals: ForecastDealJson[];
}

/** `forecast --json`: one object per currency. */
export type ForecastJson = ForecastTotalJson[];

/** `--json`: one object per currency, totals in major units. */
export function forecastJson(forecast: Forecast, zone: string): ForecastJson {
  return forecast.totals.map((t) => ({
    currency: t.currency,
    total: toMajor(t.totalMinor, t.currency),
    deals: t.deals.map((d) => ({
      deal_id: d.id,
      prospect: d.prospect_name,
      company: d.company || null,
      title: d.title,
      value: toMajor(d.value_minor!, t.currency),
      promised_at: instant(d.promised_at, zone),
      kept_by_firm: kept(d),
    })),
  }));
}

/** The id of the earlier firm commitment that keeps the deal in the forecast under a later, weaker one. */
function kept(d: ForecastRow): number | null {
  return (d as ForecastRow & { kept_by_firm?: number | null }).kept_by_firm ?? null;
}

/** `--csv`: one row per counted deal, exact values. */
export async function forecastCsv(forecast: Forecast, zone: string): Promise<string> {
  // The CSV writer (render/csv.ts) loads only for --csv.
  const { csv } = await import('./csv.js');
  return csv(
    ['currency', 'deal_id', 'prospect', 'company', 'title', 'value', 'promised_at'],
    forecast.totals.flatMap((t) =>
      t.deals.map((d) => [t.currency, d.id, d.prospect_name, d.company, d.title, toDecimalString(d.value_minor!, t.currency), instant(d.promised_at, zone)]),
    ),
  );
}

// On a narrow terminal deal titles, then companies, are cut, then companies go.
const COMPANY: Column = { header: 'Company', cut: 2, drop: 2 };
const DEAL: Column = { header: 'Deal', cut: 1 };

/** Terminal: totals per currency, the deals behind them, then the pipeline. Pipe: one TSV row per counted deal. */
export function forecastText(forecast: Forecast, view: View): string {
  const dealRows = forecast.totals.flatMap((t) =>
    t.deals.map((d) => [t.currency, d.id, safe(d.prospect_name), safe(d.company), safe(d.title), dealValue(d, view), when(d.promised_at, view)]),
  );
  if (!view.isTTY) return table(view, [], dealRows);
  const c = paint(view);
  const out: string[] = [];
  if (forecast.totals.length) {
    out.push(`${c.bold('Forecast')} (open deals with a pending firm commitment)\n`);
    out.push(table(view, ['Currency', 'Total', 'Deals'], forecast.totals.map((t) => [t.currency, formatMoney(t.totalMinor, t.currency), t.deals.length])));
    out.push('\n' + table(view, [{ header: 'Currency', drop: 1 }, 'Id', 'Prospect', COMPANY, DEAL, 'Value', 'Promised'], dealRows));
    const held = forecast.totals.flatMap((t) => t.deals).filter((d) => kept(d) !== null);
    if (held.length) {
      out.push(`\n${c.bold('Kept')} (a firm commitment still pending under a later, weaker one)\n`);
      out.push(table(view, ['Id', 'Prospect', 'Firm', 'Latest'], held.map((d) => [d.id, safe(d.prospect_name), `#${kept(d)} pending`, d.commitment_kind])));
    }
  } else {
    out.push('No firm commitments on open deals: nothing to forecast.\n');
  }
  if (forecast.unpriced.length) {
    out.push(`\n${c.bold('Firm but without a value')} (not in the totals: set a value)\n`);
    out.push(table(view, ['Id', 'Prospect', COMPANY, DEAL, 'Promised'], forecast.unpriced.map((d) => [d.id, safe(d.prospect_name), safe(d.company), safe(d.title), when(d.promised_at, view)])));
  }
  if (forecast.pipeline.length) {
    out.push(`\n${c.bold('Pipeline')} (low and delegate commitments: not counted)\n`);
    out.push(
      table(view, ['Id', 'Prospect', COMPANY, DEAL, { header: 'Value', drop: 1 }, 'Commitment', 'Promised'], forecast.pipeline.map((d) => [
        d.id, safe(d.prospect_name), safe(d.company), safe(d.title), dealValue(d, view), d.commitment_kind, when(d.promised_at, view),
      ])),
    );
  }
  return out.join('');
}
