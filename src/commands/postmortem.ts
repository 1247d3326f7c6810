// `salesctl postmortem <deal>`: a reflection on a lost, won or stalled deal (flags, or a guided questionnaire
// on a terminal); `salesctl postmortem report`: the root causes that repeat, and the lessons written.
import type { PostmortemFlags } from '../cli.js';
import type { Context } from '../context.js';
import { hint } from '../context.js';
import { countCauses, defaultOutcome, findRepeats, outcomeMismatch, reviewerList, rootCauses } from '../core/postmortem.js';
import { POSTMORTEM_OUTCOMES, oneOf, type RootCause } from '../core/vocab.js';
import { optionalText } from '../core/text.js';
import { UsageError } from '../errors.js';
import { describeDeal, expectDealStatus } from '../db/deals.js';
import { resolveDeal } from '../db/which.js';
import { recordEvent } from '../db/events.js';
import { inTransaction } from '../db/transaction.js';
import { allPostmortems, insertPostmortem, type NewPostmortem } from '../db/postmortems.js';
import { csv } from '../render/csv.js';
import { postmortemJson, postmortemLines, reportJson, reportText } from '../render/postmortem.js';
import type { Result } from '../render/result.js';
import { paint, safe } from '../render/text.js';

/** The answers of a reflection; undefined means "not given yet" (a prompt may still ask). */
export interface Reflection {
  what?: string | null;
  assumption?: string | null;
  causes?: RootCause[];
  reviewers?: string[];
  feedback?: string | null;
  lesson?: string | null;
}


/**
 * Records a post-mortem. `close <deal> lost` calls this with empty flags on a terminal, so everything
 * not given is asked; without a terminal at least one --cause and --lesson are required.
 */
export async function record(ctx: Context, [dealRef]: string[], flags: PostmortemFlags): Promise<Result> {
  const given: Reflection = {
    what: optionalText(flags.what, '--what'),
    assumption: optionalText(flags.assumption, '--assumption'),
    causes: flags.cause?.length ? rootCauses(flags.cause) : undefined,
    reviewers: flags.reviewer?.length ? reviewerList(flags.reviewer) : undefined,
    feedback: optionalText(flags.feedback, '--feedback'),
    lesson: optionalText(flags.lesson, '--lesson') ?? undefined,
  };
  const requestedOutcome = flags.outcome === undefined ? undefined : oneOf(flags.outcome, POSTMORTEM_OUTCOMES, 'outcome (--outcome)');
  if (!ctx.interactive) {
    const missing = [!given.causes && '--cause', !given.lesson && '--lesson'].filter(Boolean);
    if (missing.length) {
      throw new UsageError(
        `a post-mortem needs ${missing.join(' and ')}: e.g. --cause segment --lesson 'research the segment before the first call'`,
      );
    }
  }
  const db = ctx.db();
  const deal = resolveDeal(db, dealRef ?? '');
  const outcome = requestedOutcome ?? defaultOutcome(deal.status);
  const mismatch = outcomeMismatch(outcome, deal.status, deal.id);
  if (mismatch) throw new UsageError(mismatch);
  const answers = ctx.interactive ? await (await import('./postmortemQuestions.js')).reflect(given, describeDeal(deal), ctx.stderr) : given;

  const fields: NewPostmortem = {
    deal_id: deal.id,
    outcome,
    what_happened: answers.what ?? null,
    assumption: answers.assumption ?? null,
    causes: answers.causes ?? [],
    reviewers: answers.reviewers ?? [],
    feedback: answers.feedback ?? null,
    lesson: answers.lesson ?? null,
  };
  const pm = inTransaction(db, () => {
    expectDealStatus(db, deal.id, deal.status); // the outcome and the hint below were read from it
    const pm = insertPostmortem(db, fields, ctx.now);
    recordEvent(db, deal.id, ctx.now, 'postmortem', `post-mortem #${pm.id} (${outcome}): ${pm.causes.join(', ')}`);
    return pm;
  });
  if (deal.status === 'open') {
    hint(ctx, `deal #${deal.id} is still open: a post-mortem does not close it (salesctl close ${deal.id} lost|not-now)`);
  }
  return {
    json: postmortemJson(pm, ctx.zone),
    text(view) {
      const c = paint(view);
      return `${c.green('Recorded')} post-mortem #${pm.id} (${pm.outcome}) on deal ${safe(describeDeal(deal))}\n${postmortemLines(pm)}`;
    },
  };
}

/** Root causes counted across post-mortems, the repeats, and the lessons, newest first. */
export async function report(ctx: Context): Promise<Result> {
  const postmortems = allPostmortems(ctx.db());
  const data = {
    causes: countCauses(postmortems),
    lessons: postmortems.filter((pm) => pm.lesson).reverse(),
    repeats: findRepeats(postmortems),
  };
  return {
    json: reportJson(data, ctx.zone),
    text: (view) => reportText(data, view),
    csv: () => csv(['cause', 'count'], data.causes.map((cc) => [cc.cause, cc.count])),
  };
}

