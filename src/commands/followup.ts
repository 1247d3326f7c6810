// `salesctl followup <deal>` schedules the next step; `done`, `reschedule` and `cancel` complete, move or drop one.
import type { FollowupDoneFlags, FollowupFlags, FollowupRescheduleFlags } from '../cli.js';
import type { Context } from '../context.js';
import { prompts, warn, whenOptions } from '../context.js';
import { bestTimeWarning, dateOnlyRule, storedBestTime } from '../core/bestTime.js';
import { parseWhen, type When } from '../core/dates.js';
import { optionalText } from '../core/text.js';
import { recordIdDigits } from '../core/recordId.js';
import { isoInZone } from '../core/time.js';
import { OUTCOMES, isClosure, type Channel, type Outcome, type Purpose } from '../core/vocab.js';
import { getDeal, setCadence, type DealRow } from '../db/deals.js';
import { resolveDeal } from '../db/which.js';
import { describeEvery, nextTouch, parseEvery } from '../core/cadence.js';
import { closedDealMessage } from '../core/closed.js';
import { dueDayWarning } from '../core/rightFollowup.js';
import { recordContactTime } from '../db/followupContact.js';
import { recordEvent } from '../db/events.js';
import {
  cancelFollowup, completeFollowup, getFollowup, insertFollowup, rescheduleFollowup, scheduledCount, type FollowupRow,
} from '../db/followups.js';
import { inTransaction } from '../db/transaction.js';
import { getProspect, type ProspectRow } from '../db/prospects.js';
import { NotFoundError, UsageError } from '../errors.js';
import { followupLine, type FollowupParty } from '../render/followup.js';
import { followupJson, type FollowupJson } from '../render/records.js';
import { formatWhen, instant } from '../render/instant.js';
import type { Result } from '../render/result.js';

/** The refusal when --at is missing and no terminal can ask for it. */
const MISSING_AT = "missing --at <when>: e.g. --at 'tomorrow 10am'";

/** `salesctl followup <deal> --at <when>`: schedules a follow-up in the prospect's day. */
/**
 * `followup done --json`: the completed follow-up, when the contact was, and the next one it scheduled (or null).
 * `followup`, `followup reschedule` and `followup cancel` print the follow-up alone (`FollowupJson`).
 */
export type FollowupDoneJson = FollowupJson & { contact_at: string | null; next: FollowupJson | null };

export async function schedule(ctx: Context, [ref]: string[], flags: FollowupFlags): Promise<Result> {
  if (flags.closure && flags.purpose && !isClosure(flags.purpose)) {
    throw new UsageError(`--closure makes the purpose closure, not ${flags.purpose}: give one of them`);
  }
  const note = optionalText(flags.note, '--note');
  const every = flags.every !== undefined ? parseEvery(flags.every) : undefined;
  const db = ctx.db();
  const deal = resolveDeal(db, ref ?? '');
  refuseClosed(deal);
  const prospect = getProspect(db, deal.prospect_id)!;
  const when = await askWhen(ctx, prospect, flags.at, '--at');
  const purpose: Purpose = flags.closure ? 'closure' : (flags.purpose ?? 'follow-up');
  const channel = flags.channel ?? (prospect.channel as Channel | null) ?? 'call';
  warnAboutTime(ctx, when.at, prospect);

  const followup = inTransaction(db, () => {
    const row = insertFollowup(db, { deal_id: deal.id, due_at: when.at, channel, purpose, agreed: Boolean(flags.agreed || flags.closure), notes: note }, ctx.now);
    recordEvent(db, deal.id, ctx.now, 'followup-scheduled', `${purpose} #${row.id} by ${channel} scheduled for ${isoInZone(when.at, ctx.zone)}`);
    if (every && every !== deal.cadence) {
      setCadence(db, deal.id, every);
      recordEvent(db, deal.id, ctx.now, 'cadence', `keep in touch ${describeEvery(every)}`);
    }
    return row;
  });
  return {
    json: followupJson(followup, ctx.zone),
    text: (view) => followupLine('Scheduled', followup, party(prospect), view),
  };
}

/** `salesctl followup done <id> --outcome <o> [--next <when>]`: completes one and schedules the next in one transaction. */
export async function done(ctx: Context, [id]: string[], flags: FollowupDoneFlags): Promise<Result> {
  const note = optionalText(flags.note, '--note');
  if (!flags.next && (flags.nextChannel || flags.nextPurpose)) {
    throw new UsageError(`${flags.nextChannel ? '--next-channel' : '--next-purpose'} needs --next <when>: e.g. --next 'tomorrow 10am'`);
  }
  const db = ctx.db();
  const current = scheduledFollowup(db, id, 'completed');
  const deal = getDeal(db, current.deal_id)!;
  const prospect = getProspect(db, deal.prospect_id)!;
  if (flags.next) refuseClosed(deal);
  const contactAt = flags.at !== undefined ? await contactTime(ctx, flags.at) : null;
  if (!flags.outcome && !ctx.interactive) await askOutcome(ctx); // refuses before anything is said
  let next: When | undefined = flags.next ? await readWhen(ctx, prospect, flags.next, '--next') : undefined;
  await checkRightFollowup(ctx, current, prospect);
  const outcome = flags.outcome ?? (await askOutcome(ctx));
  // A rhythm schedules the next touch itself, that long after the contact, unless --next says otherwise.
  const rhythm = !next && deal.cadence && deal.status !== 'won' && deal.status !== 'lost' ? deal.cadence : null;
  const touch = rhythm ? nextTouch(contactAt ?? ctx.now, rhythm, dateOnlyRule(prospect, ctx.zone)) : null;
  const stepless = deal.status === 'open' && !next && !touch && scheduledCount(db, deal.id) <= 1;
  if (stepless && ctx.interactive) next = await promptWhen(ctx, prospect, 'Next step: when? (empty for none)', true);
  if (next) warnAboutTime(ctx, next.at, prospect);
  if (next && next.at.getTime() < Date.parse(current.due_at)) {
    warn(ctx, `the next follow-up (${isoInZone(next.at, ctx.zone)}) is earlier than the one completed (#${current.id}, due ${isoInZone(current.due_at, ctx.zone)}): is that the right follow-up?`);
  }

  const { completed, following } = inTransaction(db, () => {
    let completed = completeFollowup(db, current.id, outcome, note, ctx.now);
    if (contactAt) completed = recordContactTime(db, current.id, contactAt);
    const happened = contactAt ? ` (contact at ${isoInZone(contactAt, ctx.zone)})` : '';
    recordEvent(db, deal.id, ctx.now, 'followup-done', `${current.purpose} #${current.id} by ${current.channel} done: ${outcome}${happened}`);
    let following: FollowupRow | null = null;
    if (touch) {
      const purpose: Purpose = deal.status === 'not-now' ? 'nurture' : isClosure(current.purpose) ? 'follow-up' : current.purpose;
      following = insertFollowup(db, { deal_id: deal.id, due_at: touch, channel: current.channel, purpose, agreed: false, notes: null }, ctx.now);
      recordEvent(db, deal.id, ctx.now, 'followup-scheduled', `${purpose} #${following.id} by ${current.channel} scheduled for ${isoInZone(touch, ctx.zone)} (keeping in touch ${describeEvery(rhythm!)})`);
    } else if (next) {
      const purpose = flags.nextPurpose ?? 'follow-up';
      const channel = flags.nextChannel ?? current.channel;
      following = insertFollowup(db, { deal_id: deal.id, due_at: next.at, channel, purpose, agreed: isClosure(purpose), notes: null }, ctx.now);
      recordEvent(db, deal.id, ctx.now, 'followup-scheduled', `${purpose} #${following.id} by ${channel} scheduled for ${isoInZone(next.at, ctx.zone)}`);
    }
    return { completed, following };
  });
  if (stepless && !following) warnNoNextStep(ctx, deal.id);
  return {
    json: { ...followupJson(completed, ctx.zone), contact_at: instant(contactAt?.toISOString() ?? completed.completed_at, ctx.zone), next: following ? followupJson(following, ctx.zone) : null } satisfies FollowupDoneJson,
    text: (view) =>
      followupLine('Done', completed, party(prospect), view) + (following ? followupLine('Next', following, party(prospect), view) : ''),
  };
}

/** `salesctl followup reschedule <id> --at <when>`. */
export async function reschedule(ctx: Context, [id]: string[], flags: FollowupRescheduleFlags): Promise<Result> {
  const db = ctx.db();
  const current = scheduledFollowup(db, id, 'rescheduled');
  const prospect = prospectOf(db, current);
  const when = await askWhen(ctx, prospect, flags.at, '--at');
  warnAboutTime(ctx, when.at, prospect);
  const moved = inTransaction(db, () => {
    const moved = rescheduleFollowup(db, current.id, when.at);
    const from = isoInZone(current.due_at, ctx.zone);
    recordEvent(db, current.deal_id, ctx.now, 'followup-rescheduled', `${current.purpose} #${current.id} moved from ${from} to ${isoInZone(when.at, ctx.zone)}`);
    return moved;
  });
  return { json: followupJson(moved, ctx.zone), text: (view) => followupLine('Rescheduled', moved, party(prospect), view) };
}

/** `salesctl followup cancel <id>`. */
export async function cancel(ctx: Context, [id]: string[]): Promise<Result> {
  const db = ctx.db();
  const current = scheduledFollowup(db, id, 'cancelled');
  const deal = getDeal(db, current.deal_id)!;
  const prospect = getProspect(db, deal.prospect_id)!;
  const cancelled = inTransaction(db, () => {
    const cancelled = cancelFollowup(db, current.id, ctx.now);
    recordEvent(db, deal.id, ctx.now, 'followup-cancelled', `${current.purpose} #${current.id} due ${isoInZone(current.due_at, ctx.zone)} cancelled`);
    return cancelled;
  });
  if (deal.status === 'open' && scheduledCount(db, deal.id) === 0) warnNoNextStep(ctx, deal.id);
  return { json: followupJson(cancelled, ctx.zone), text: (view) => followupLine('Cancelled', cancelled, party(prospect), view) };
}

/** The follow-up with this id, refused unless it is still scheduled. */
function scheduledFollowup(db: ReturnType<Context['db']>, id: string | undefined, verb: string): FollowupRow {
  const text = recordIdDigits(id ?? '');
  if (text === undefined) throw new UsageError(`'${id ?? ''}' is not a follow-up id: give the number in the Id column of salesctl due`);
  const followup = getFollowup(db, Number(text));
  if (!followup) throw new NotFoundError(`no follow-up with id ${text}: run 'salesctl due' or 'salesctl show <deal>' to see them`);
  if (followup.status !== 'scheduled') {
    throw new UsageError(`follow-up #${followup.id} is ${followup.status}, not scheduled: only a scheduled follow-up can be ${verb}`);
  }
  return followup;
}

function prospectOf(db: ReturnType<Context['db']>, followup: FollowupRow): ProspectRow {
  return getProspect(db, getDeal(db, followup.deal_id)!.prospect_id)!;
}

function refuseClosed(deal: DealRow): void {
  if (deal.status === 'won' || deal.status === 'lost') {
    throw new UsageError(
      closedDealMessage(deal, 'follow-ups are scheduled on open or not-now deals'),
    );
  }
}

/** When the contact of `followup done --at` happened: a time not in the future. */
async function contactTime(ctx: Context, text: string): Promise<Date> {
  const { at } = await parseWhen(text, whenOptions(ctx, '--at'));
  if (at.getTime() > ctx.now.getTime()) {
    throw new UsageError(`--at ${isoInZone(at, ctx.zone)} is in the future: --at says when the contact happened, e.g. --at 'today 10:15' or --at 'yesterday 16:00'`);
  }
  return at;
}

/**
 * Completing a follow-up that is not due today may be a slip (deal ids and follow-up ids look alike): warn,
 * naming whose it is and when it is due; one due on a later day is confirmed on a terminal.
 */
async function checkRightFollowup(ctx: Context, followup: FollowupRow, prospect: ProspectRow): Promise<void> {
  const warning = dueDayWarning({ id: followup.id, dueAt: followup.due_at, prospect: prospect.name, company: prospect.company }, ctx.now, ctx.zone);
  if (!warning) return;
  warn(ctx, warning.message);
  if (!warning.later || !ctx.interactive) return;
  // The question is about the warning: prompts() shows it first.
  const { confirm } = await prompts(ctx);
  if (!(await confirm({ message: `Complete follow-up #${followup.id} anyway?`, default: false }))) {
    throw new UsageError(`follow-up #${followup.id} was not completed: run 'salesctl due' for the Id of today's follow-ups`);
  }
}

/** Reads a date phrase; a date alone lands at the start of the prospect's best time in their zone. */
function readWhen(ctx: Context, prospect: ProspectRow, text: string, flag: string): Promise<When> {
  const dateOnly = dateOnlyRule(prospect, ctx.zone);
  return parseWhen(text, whenOptions(ctx, flag, dateOnly));
}

/** The --at value, asked for on a terminal when it was not given. */
async function askWhen(ctx: Context, prospect: ProspectRow, given: string | undefined, flag: string): Promise<When> {
  if (given !== undefined) return readWhen(ctx, prospect, given, flag);
  if (!ctx.interactive) throw new UsageError(MISSING_AT);
  return (await promptWhen(ctx, prospect, "When? (e.g. 'tomorrow 10am', 2026-12-01 14:30, +2w)", false))!;
}

async function promptWhen(ctx: Context, prospect: ProspectRow, message: string, optional: boolean): Promise<When | undefined> {
  const { input } = await prompts(ctx);
  const answer = await input({
    message,
    validate: async (value) => {
      if (!value.trim()) return optional || 'a time is needed';
      return readWhen(ctx, prospect, value, 'the answer').then(
        () => true,
        (error: Error) => error.message,
      );
    },
  });
  return answer.trim() ? readWhen(ctx, prospect, answer, 'the answer') : undefined;
}

async function askOutcome(ctx: Context): Promise<Outcome> {
  if (!ctx.interactive) throw new UsageError(`missing --outcome <outcome>: one of ${OUTCOMES.join(', ')}`);
  const { select } = await prompts(ctx);
  return select({ message: 'What happened?', choices: OUTCOMES.map((value) => ({ value })) });
}

function warnAboutTime(ctx: Context, at: Date, prospect: ProspectRow): void {
  const outside = bestTimeWarning(at, { name: prospect.name, tz: prospect.tz, bestTime: storedBestTime(prospect) }, ctx.zone);
  if (outside) warn(ctx, outside);
  if (at.getTime() < ctx.now.getTime()) warn(ctx, `${formatWhen(at, ctx.zone)} is in the past: it shows as overdue in salesctl due`);
}

function warnNoNextStep(ctx: Context, dealId: number): void {
  warn(ctx, `deal #${dealId} has no next step: every step should end with a commitment for the next (salesctl followup ${dealId} --at ...)`);
}


function party(prospect: ProspectRow): FollowupParty {
  return { name: prospect.name, company: prospect.company, tz: prospect.tz };
}
