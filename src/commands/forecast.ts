// `salesctl forecast`: what is really coming in. Only open deals with a pending firm commitment count (the
// latest one, or an earlier one a weaker later one did not undo), summed per currency; low and delegate
// commitments are pipeline, never summed.
import type { Context } from '../context.js';
import { forecastPlace, keptByEarlierFirm, totalsByCurrency } from '../core/forecast.js';
import { openDealsWithLatestCommitment } from '../db/dealViews.js';
import { forecastCsv, forecastJson, forecastText, type Forecast } from '../render/forecast.js';
import type { Result } from '../render/result.js';

export async function run(ctx: Context): Promise<Result> {
  // A deal kept by an earlier firm commitment is counted with that commitment's promised date.
  const deals = openDealsWithLatestCommitment(ctx.db()).map((d) =>
    keptByEarlierFirm(d.status, { kind: d.commitment_kind, status: d.commitment_status }, d.pending_firm_id !== null)
      ? { ...d, promised_at: d.pending_firm_promised_at, kept_by_firm: d.pending_firm_id }
      : { ...d, kept_by_firm: null },
  ).sort((a, b) => (a.promised_at === null ? 1 : 0) - (b.promised_at === null ? 1 : 0) || (a.promised_at ?? '').localeCompare(b.promised_at ?? '') || a.id - b.id);
  const place = (d: (typeof deals)[number]) =>
    forecastPlace(d.status, { kind: d.commitment_kind, status: d.commitment_status }, d.pending_firm_id !== null);
  const { totals, unpriced } = totalsByCurrency(deals.filter((d) => place(d) === 'forecast'));
  const forecast: Forecast = { totals, unpriced, pipeline: deals.filter((d) => place(d) === 'pipeline') };
  return {
    json: forecastJson(forecast, ctx.zone),
    text: (view) => forecastText(forecast, view),
    csv: () => forecastCsv(forecast, ctx.zone),
  };
}
