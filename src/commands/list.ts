// `salesctl list`: the deals, open ones unless --status says otherwise, optionally narrowed by --search.
import type { Context } from '../context.js';
import { DEAL_STATUSES, type DealStatus } from '../core/vocab.js';
import { UsageError } from '../errors.js';
import { listDeals } from '../db/dealViews.js';
import { dealListJson, dealsCsv, dealsText } from '../render/deals.js';
import type { Result } from '../render/result.js';

export interface ListFlags {
  status?: string;
  search?: string;
}

export async function run(ctx: Context, _args: string[], flags: ListFlags): Promise<Result> {
  const statuses = parseStatuses(flags.status ?? 'open');
  const search = flags.search?.trim().toLocaleLowerCase() ?? '';
  // Filtered here rather than with SQL LIKE, which folds case for ASCII only ('élodie' must find 'Élodie').
  const deals = listDeals(ctx.db(), statuses).filter(
    (d) => !search || [d.prospect_name, d.company, d.title].some((text) => text.toLocaleLowerCase().includes(search)),
  );
  return {
    json: deals.map((d) => dealListJson(d, ctx.zone)),
    text: (view) => dealsText(deals, view),
    csv: () => dealsCsv(deals, ctx.zone),
  };
}

/** 'open', 'won,lost' or 'all' into the statuses to show. */
export function parseStatuses(text: string): DealStatus[] {
  const wanted = new Set<DealStatus>();
  for (const part of text.split(',').map((s) => s.trim().toLowerCase())) {
    if (part === 'all') DEAL_STATUSES.forEach((s) => wanted.add(s));
    else if ((DEAL_STATUSES as readonly string[]).includes(part)) wanted.add(part as DealStatus);
    else throw new UsageError(`unknown status '${part}' for --status: use ${DEAL_STATUSES.join(', ')} or all (comma-separated for several)`);
  }
  return DEAL_STATUSES.filter((s) => wanted.has(s));
}
