// `salesctl due`: the morning table. Kept light: no prompts, and the CSV writer only with --csv.
import type { Context } from '../context.js';
import { parseWhen } from '../core/dates.js';
import { dueWindowEnd } from '../core/due.js';
import { goneQuiet } from '../core/quiet.js';
import { dealsWithoutNextStep, dueFollowups, openDealContacts, type ContactRow } from '../db/due.js';
import { DUE_CSV_COLUMNS, dueCsvRows, dueJson, dueText, type DueReport, type QuietDeal } from '../render/due.js';
import type { Result } from '../render/result.js';

export interface DueFlags {
  until?: string;
}

export async function run(ctx: Context, _args: string[], flags: DueFlags): Promise<Result> {
  const until = flags.until !== undefined ? await parseWhen(flags.until, { now: ctx.now, zone: ctx.zone, flag: '--until' }) : undefined;
  const end = dueWindowEnd(ctx.now, ctx.zone, until);
  const db = ctx.db();
  const report: DueReport = {
    now: ctx.now,
    items: dueFollowups(db, end),
    noNextStep: dealsWithoutNextStep(db),
    goneQuiet: quietDeals(openDealContacts(db), ctx.now),
    until,
  };
  return {
    json: dueJson(report, ctx.zone),
    text: (view) => dueText(report, view),
    async csv() {
      const { csv } = await import('../render/csv.js');
      return csv(DUE_CSV_COLUMNS, dueCsvRows(report, ctx.zone));
    },
  };
}

function quietDeals(deals: ContactRow[], now: Date): QuietDeal[] {
  const quiet: QuietDeal[] = [];
  for (const { created_at, last_done, last_commitment_at, ...deal } of deals) {
    // 'completed_at|outcome' pairs; sorted here rather than trusting group_concat's order.
    const done = (last_done ? last_done.split(',') : []).map((pair) => pair.split('|')).sort((a, b) => (a[0]! < b[0]! ? 1 : -1));
    const reason = goneQuiet(
      { createdAt: created_at, lastOutcomes: done.map(([, outcome]) => outcome || null), lastDoneAt: done[0]?.[0] ?? null, lastCommitmentAt: last_commitment_at },
      now,
    );
    if (reason) quiet.push({ ...deal, reason });
  }
  return quiet;
}
