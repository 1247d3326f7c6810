// `salesctl due`: the morning table. Kept light: no prompts, and the CSV writer only with --csv.
import type { DueFlags } from '../cli.js';
import { whenOptions, type Context } from '../context.js';
import { parseWhen } from '../core/dates.js';
import { dueWindowEnd } from '../core/due.js';
import { QUIET_ANSWERED_BY, UNANSWERED_OUTCOMES, quietReason, quietSince } from '../core/quiet.js';
import { dealsWithoutNextStep, dueFollowups, quietCandidates, type ContactRow } from '../db/due.js';
import { DUE_CSV_COLUMNS, dueCsvRows, dueJson, dueText, type DueReport, type QuietDeal } from '../render/due.js';
import type { Result } from '../render/result.js';

export async function run(ctx: Context, _args: string[], flags: DueFlags): Promise<Result> {
  const until = flags.until !== undefined ? await parseWhen(flags.until, whenOptions(ctx, '--until')) : undefined;
  const end = dueWindowEnd(ctx.now, ctx.zone, until);
  const db = ctx.db();
  const report: DueReport = {
    now: ctx.now,
    items: dueFollowups(db, end),
    noNextStep: dealsWithoutNextStep(db),
    goneQuiet: quietDeals(quietCandidates(db, quietSince(ctx.now), UNANSWERED_OUTCOMES, QUIET_ANSWERED_BY), ctx.now),
    until,
  };
  return {
    // Built only when asked for: at 100k deals the document is thousands of objects a terminal never shows.
    get json() {
      return dueJson(report, ctx.zone);
    },
    text: (view) => dueText(report, view),
    async csv() {
      const { csv } = await import('../render/csv.js');
      return csv(DUE_CSV_COLUMNS, dueCsvRows(report, ctx.zone));
    },
  };
}

function quietDeals(rows: ContactRow[], now: Date): QuietDeal[] {
  const quiet: QuietDeal[] = [];
  const at = now.getTime();
  for (const row of rows) {
    // The query folded creation, follow-ups and commitments into the last contact; the rule decides.
    const lastContact = row[4];
    const reason = quietReason(lastContact, row[5], row[6], at);
    if (reason) quiet.push({ deal_id: row[0], prospect: row[1], company: row[2], title: row[3], reason, lastContact });
  }
  return quiet;
}
