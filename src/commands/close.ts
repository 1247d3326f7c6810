// `salesctl close <deal> won|lost|not-now`: ends a deal. "No" means "not now": not-now schedules the agreed
// nurture follow-up; lost asks for a post-mortem while it is fresh.
import type { CloseFlags } from '../cli.js';
import type { Context } from '../context.js';
import { hint, isPromptCancel, prompts, viewOf, whenOptions } from '../context.js';
import { parseWhen, DATE_EXAMPLES } from '../core/dates.js';
import { dateOnlyRule } from '../core/bestTime.js';
import { CHANNELS, oneOf, type Channel } from '../core/vocab.js';
import { optionalText } from '../core/text.js';
import { UsageError } from '../errors.js';
import { cancelScheduledFollowups, closeDeal, setCadence, type DealRow } from '../db/deals.js';
import { resolveDeal } from '../db/which.js';
import { describeEvery, nextTouch, parseEvery } from '../core/cadence.js';
import { closedDealMessage } from '../core/closed.js';
import { recordEvent } from '../db/events.js';
import { insertFollowup, type FollowupRow } from '../db/followups.js';
import { inTransaction } from '../db/transaction.js';
import { getProspect, type ProspectRow } from '../db/prospects.js';
import { dealLabel, dealValue } from '../render/deals.js';
import { formatWhen, when } from '../render/instant.js';
import { dealJson, followupJson, type DealJson, type FollowupJson } from '../render/records.js';
import type { Result } from '../render/result.js';
import { paint, safe, type View } from '../render/text.js';
import { isoInZone, localDate } from '../core/time.js';

const CLOSINGS = ['won', 'lost', 'not-now'] as const;
type Closing = (typeof CLOSINGS)[number];

/** `close --json`: the deal, the nurture follow-up a not-now scheduled (or null), and how many scheduled follow-ups it cancelled. */
export type CloseJson = DealJson & { cadence: string | null; revisit_followup: FollowupJson | null; cancelled_followups: number };

export async function run(ctx: Context, [ref, statusText]: string[], flags: CloseFlags): Promise<Result> {
  // "No" means "not now": the product's motto is also a closing status.
  const status = oneOf(/^\s*no\s*$/i.test(statusText ?? '') ? 'not-now' : (statusText ?? ''), CLOSINGS, 'closing status') as Closing;
  const reason = optionalText(flags.reason, '--reason');
  if (flags.revisit !== undefined && status !== 'not-now') throw new UsageError(`--revisit goes with not-now: salesctl close ${ref} not-now --revisit <when>`);
  if (flags.every !== undefined && status !== 'not-now') throw new UsageError(`--every goes with not-now: salesctl close ${ref} not-now --every 3m (a won deal's repeat business is a new deal)`);
  const every = flags.every !== undefined ? parseEvery(flags.every) : null;
  const db = ctx.db();
  const deal = resolveDeal(db, ref ?? '');
  if (deal.status !== 'open') {
    throw new UsageError(
      closedDealMessage(deal, `it is already closed, and only open deals can be closed`),
    );
  }
  const prospect = getProspect(db, deal.prospect_id)!;
  // With a rhythm and no agreed date, the first nurture touch is one rhythm from now, in the prospect's day.
  const rhythmStart = every && flags.revisit === undefined ? nextTouch(ctx.now, every, dateOnlyRule(prospect, ctx.zone)) : null;
  const revisit = status === 'not-now' ? (rhythmStart ?? (await revisitTime(ctx, prospect, flags.revisit))) : null;

  const { closed, cancelled, nurture } = inTransaction(db, () => {
    const cancelled = cancelScheduledFollowups(db, deal.id, ctx.now);
    let closed = closeDeal(db, deal.id, status, ctx.now, status === 'lost' ? reason : null);
    if (every) closed = setCadence(db, deal.id, every);
    const nurture = revisit
      ? insertFollowup(db, { deal_id: deal.id, due_at: revisit, channel: nurtureChannel(prospect), purpose: 'nurture', agreed: !rhythmStart, notes: reason }, ctx.now)
      : null;
    const parts = [`closed as ${status}${reason ? `: ${reason}` : ''}`];
    if (every) parts.push(`keep in touch ${describeEvery(every)}`);
    if (nurture) parts.push(`nurture ${nurture.channel} scheduled for ${isoInZone(nurture.due_at, ctx.zone)} (follow-up #${nurture.id})`);
    if (cancelled) parts.push(`${cancelled} scheduled follow-up${cancelled === 1 ? '' : 's'} cancelled`);
    recordEvent(db, deal.id, ctx.now, 'closed', parts.join('; '));
    return { closed, cancelled, nurture };
  });

  const result: Result = {
    json: {
      ...dealJson(closed, ctx.zone), cadence: closed.cadence ?? null, revisit_followup: nurture ? followupJson(nurture, ctx.zone) : null, cancelled_followups: cancelled,
    } satisfies CloseJson,
    text: (view) => closedText(closed, status, cancelled, nurture, prospect, view),
  };
  if (status !== 'lost') return result;
  hint(ctx, `write the post-mortem while it is fresh: salesctl postmortem ${closed.id}`);
  if (!ctx.interactive || flags.json) return result;
  // Show the closing before the questions, so the salesperson sees it was saved.
  ctx.stdout.write(result.text(viewOf(ctx)));
  const { confirm } = await prompts(ctx);
  const shown: Result = { json: result.json, text: () => '' };
  let now: boolean;
  try {
    now = await confirm({ message: 'Write the post-mortem now?', default: true });
  } catch (error) {
    // Ctrl-C here must not read as "nothing was saved": the deal is already closed.
    if (isPromptCancel(error)) return shown;
    throw error;
  }
  if (!now) return shown;
  try {
    return await (await import('./postmortem.js')).record(ctx, [String(closed.id)], {});
  } catch (error) {
    if (!isPromptCancel(error)) throw error;
    hint(ctx, `post-mortem cancelled; the deal stays closed as lost. Write it later: salesctl postmortem ${closed.id}`);
    return shown;
  }
}

/** When to reach the prospect again: --revisit, else asked on a terminal; a date alone lands in their best time. */
async function revisitTime(ctx: Context, prospect: ProspectRow, given: string | undefined): Promise<Date> {
  let text = given;
  if (text === undefined) {
    if (!ctx.interactive) {
      throw new UsageError(`closing as not-now needs --revisit <when> or --every <rhythm>: when the prospect agreed to hear from you again, e.g. --revisit 2027-03-01, or keep in touch with --every 3m`);
    }
    const { input } = await prompts(ctx);
    text = await input({ message: `When did ${safe(prospect.name)} agree to hear from you again?`, validate: (v) => (v.trim() ? true : `e.g. ${DATE_EXAMPLES}`) });
  }
  const dateOnly = dateOnlyRule(prospect, ctx.zone);
  const { at } = await parseWhen(text, whenOptions(ctx, '--revisit', dateOnly));
  if (at.getTime() <= ctx.now.getTime()) {
    throw new UsageError(`--revisit ${formatWhen(at, ctx.zone)} is not in the future: give the date the prospect agreed to, e.g. +3m or ${localDate(new Date(ctx.now.getTime() + 90 * 86_400_000), ctx.zone)}`);
  }
  return at;
}

function nurtureChannel(prospect: ProspectRow): Channel {
  return prospect.channel && (CHANNELS as readonly string[]).includes(prospect.channel) ? (prospect.channel as Channel) : 'call';
}

function closedText(deal: DealRow, status: Closing, cancelled: number, nurture: FollowupRow | null, prospect: ProspectRow, view: View): string {
  const c = paint(view);
  const cancelledText = cancelled ? `${cancelled} scheduled follow-up${cancelled === 1 ? '' : 's'} cancelled.` : 'No scheduled follow-ups to cancel.';
  const value = deal.value_minor !== null ? ` (${dealValue(deal, view)})` : '';
  if (status === 'won') {
    return `${c.green('Won')} ${dealLabel(deal)}${value}. Congratulations on the sale! ${cancelledText}\n`;
  }
  if (status === 'lost') {
    return `${c.red('Lost')} ${dealLabel(deal)}${deal.lost_reason ? ` · reason: ${safe(deal.lost_reason)}` : ''}. ${cancelledText}\n`;
  }
  const theirs = prospect.tz && prospect.tz !== view.zone && view.isTTY ? ` (${when(nurture!.due_at, { ...view, zone: prospect.tz })} their time)` : '';
  return (
    `${c.yellow('Not now')}: ${dealLabel(deal)}. "No" means "not now": ` +
    `nurture ${nurture!.channel} #${nurture!.id} on ${when(nurture!.due_at, view)}${theirs}` +
    `${deal.cadence ? `, then ${describeEvery(deal.cadence)} after each touch` : ''}. ${cancelledText}\n`
  );
}
