// `salesctl list`: the deals, open ones unless --status says otherwise, optionally narrowed by --search.
import type { ListFlags } from '../cli.js';
import type { Context } from '../context.js';
import { DEAL_STATUSES, type DealStatus } from '../core/vocab.js';
import { nameKey } from '../core/nameKey.js';
import { UsageError } from '../errors.js';
import type { Database } from 'better-sqlite3';
import { dealCounts, eachDealLine, listDealLines, listDeals, type DealListRow } from '../db/dealViews.js';
import { dealListJson, dealsCsv, dealsText, type DealListJson } from '../render/deals.js';
import type { Result } from '../render/result.js';
import { count, safe } from '../render/text.js';

/** How many deals a terminal shows without --limit or --all: a screenful, as `gh` lists 30. */
export const LIST_ON_SCREEN = 30;

/** `list --json`: the deals, each as `dealListJson` makes it. */
export type ListJson = DealListJson[];

export async function run(ctx: Context, _args: string[], flags: ListFlags): Promise<Result> {
  const statuses = parseStatuses(flags.status ?? 'open');
  const search = flags.search === undefined ? '' : nameKey(flags.search.trim());
  const limit = flags.limit === undefined ? undefined : parseLimit(flags.limit);
  if (limit !== undefined && flags.all) throw new UsageError('--limit and --all contradict each other: give one of them');
  // A terminal reads the newest activity first and a screenful of it; a pipe, --json and --csv get every
  // deal by id, unless --limit asks for the newest few.
  const screen = ctx.isTTY && !flags.json && !flags.csv;
  const order = screen || limit !== undefined ? 'activity' : 'id';
  const shown = limit ?? (screen && !flags.all ? LIST_ON_SCREEN : undefined);
  const db = ctx.db();
  /** The deals to show (the first `shown` of the order, those matching --search) and how many there are in all. */
  const pick = <T>(fetch: (limit?: number) => T[], names: (row: T) => string[]): { rows: T[]; total: number } => {
    if (!search) {
      const rows = fetch(shown);
      const counts = shown !== undefined || !rows.length ? dealCounts(db) : undefined;
      return { rows, total: counts ? statuses.reduce((sum, s) => sum + counts[s], 0) : rows.length };
    }
    // Filtered here by core/nameKey.ts's nameKey, as <deal> arguments are found ('élodie' finds 'Élodie').
    const found = fetch().filter((row) => names(row).some((text) => nameKey(text).includes(search)));
    return { rows: shown === undefined ? found : found.slice(0, shown), total: found.length };
  };
  // Every column for --json and --csv; for text, the lines' nine values (a third of the cost at 100,000 deals).
  let full: DealListRow[] | undefined;
  const deals = () => (full ??= pick((n) => listDeals(db, statuses, order, n), (d) => [d.prospect_name, d.company, d.title]).rows);
  // A pipe without --search prints every line as it comes from SQLite: nothing to count, nothing to hold.
  const streamed = !ctx.isTTY && !flags.json && !flags.csv && !search;
  const lines = flags.json || flags.csv || streamed ? undefined : pick((n) => listDealLines(db, statuses, order, n), (d) => [d[1], d[2], d[3]]);
  return {
    // Built only when asked for: at 100,000 deals the document is a second of work a table never needs.
    get json(): ListJson {
      return deals().map((d) => dealListJson(d, ctx.zone));
    },
    text: (view) => {
      if (streamed && !view.isTTY) return dealsText(eachDealLine(db, statuses, order, shown), view);
      const { rows, total } = lines ?? pick((n) => listDealLines(db, statuses, order, n), (d) => [d[1], d[2], d[3]]);
      if (!rows.length) return view.isTTY ? nothingListed(db, statuses, flags.search) : '';
      const more = total - rows.length;
      const next = Math.min(total, Math.max(100, rows.length * 4));
      const footer = view.isTTY && more > 0 ? `… and ${count(more)} more: salesctl list --limit ${next}, --all, or through a pipe\n` : '';
      return dealsText(rows, view) + footer;
    },
    csv: () => dealsCsv(deals(), ctx.zone),
  };
}

/** 'No open deals; 8 closed: salesctl list --status all', saying what the filter hides. */
function nothingListed(db: Database, statuses: DealStatus[], search: string | undefined): string {
  const counts = dealCounts(db);
  const all = DEAL_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  if (!all) return "No deals yet: add one with salesctl add '<prospect>'\n";
  const which = statuses.length === DEAL_STATUSES.length ? '' : `${statuses.join(' or ')} `;
  if (search !== undefined) {
    return `No ${which}deals match '${safe(search.trim())}'${which ? ': salesctl list --status all --search … looks in every deal' : ''}\n`;
  }
  const hidden = DEAL_STATUSES.filter((s) => !statuses.includes(s) && counts[s]);
  const described = hidden.map((s) => `${counts[s]} ${s}`).join(', ');
  return `No ${which}deals; ${described}: salesctl list --status all\n`;
}

/** --limit: a whole number of at least 1. */
function parseLimit(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`--limit takes a whole number of deals, at least 1 (got '${text}'): e.g. --limit 100, or --all`);
  }
  return n;
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
