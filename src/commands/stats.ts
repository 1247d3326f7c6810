// `salesctl stats reach`: when prospects really answer, per channel and hour of their day.
import type { StatsReachFlags } from '../cli.js';
import type { Context } from '../context.js';
import { tallyReach, type ReachCell } from '../core/reach.js';
import { completedAttempts } from '../db/reach.js';
import { resolveProspect } from '../db/which.js';
import { reachChart } from '../render/chart.js';
import type { Result } from '../render/result.js';
import { safe, table } from '../render/text.js';

const COLUMNS = ['channel', 'hour', 'attempts', 'reached'];

/** `stats reach --json`: one cell per channel and hour of the prospect's day. */
export type ReachJson = ReachCell[];

export async function reach(ctx: Context, _args: string[], flags: StatsReachFlags): Promise<Result> {
  const db = ctx.db();
  const prospect = flags.prospect !== undefined ? resolveProspect(db, flags.prospect) : undefined;
  const cells = tallyReach(completedAttempts(db, prospect?.id), ctx.zone);
  return {
    json: cells satisfies ReachJson,
    text(view) {
      if (!view.isTTY) return table(view, COLUMNS, cells.map((cell) => [cell.channel, cell.hour, cell.attempts, cell.reached]));
      if (!cells.length) return `No completed follow-ups${prospect ? ` with ${safe(prospect.name)}` : ''} yet: record one with salesctl followup done <id> --outcome reached\n`;
      return reachChart(cells, view);
    },
    async csv() {
      const { csv } = await import('../render/csv.js');
      return csv(COLUMNS, cells.map((cell) => [cell.channel, cell.hour, cell.attempts, cell.reached]));
    },
  };
}
