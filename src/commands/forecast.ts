// `salesctl forecast`: what is really coming in. Only open deals whose latest commitment is a pending firm
// one count, summed per currency; low and delegate commitments are pipeline, never summed.
import type { Context } from '../context.js';
import { forecastPlace, totalsByCurrency } from '../core/forecast.js';
import { openDealsWithLatestCommitment } from '../db/dealViews.js';
import { forecastCsv, forecastJson, forecastText, type Forecast } from '../render/forecast.js';
import type { Result } from '../render/result.js';

export async function run(ctx: Context): Promise<Result> {
  const deals = openDealsWithLatestCommitment(ctx.db());
  const place = (d: (typeof deals)[number]) => forecastPlace(d.status, { kind: d.commitment_kind, status: d.commitment_status });
  const { totals, unpriced } = totalsByCurrency(deals.filter((d) => place(d) === 'forecast'));
  const forecast: Forecast = { totals, unpriced, pipeline: deals.filter((d) => place(d) === 'pipeline') };
  return {
    json: forecastJson(forecast, ctx.zone),
    text: (view) => forecastText(forecast, view),
    csv: () => forecastCsv(forecast, ctx.zone),
  };
}
