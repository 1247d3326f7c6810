// `salesctl commit <deal> <kind> [what]`: the commitment a prospect gave, and the next action it asks for;
// `salesctl commit kept|broken <id>`: how it ended, and what that says about the prospect's reliability.
import type { CommitFlags, CommitResolveFlags } from '../cli.js';
import type { Context } from '../context.js';
import { hint, prompts, warn, whenOptions } from '../context.js';
import type { Reliability } from '../core/reliability.js';
import { canResolve, commitmentKind, delegateFromDecider, describeReliability, firmFromNonDecider, nextAction, reliability } from '../core/commitments.js';
import { closedDealMessage } from '../core/closed.js';
import { parseWhen, type When } from '../core/dates.js';
import { formatWhen, when as forPeople } from '../render/instant.js';
import { optionalText } from '../core/text.js';
import { recordIdDigits } from '../core/recordId.js';
import { isoInZone, localDate } from '../core/time.js';
import type { PaymentForm } from '../core/vocab.js';
import { PAYMENT_FORMS, oneOf } from '../core/vocab.js';
import { NotFoundError, UsageError } from '../errors.js';
import {
  commitmentStatusesOfProspect,
  getCommitment,
  insertCommitment,
  pendingCommitmentsOfDeal,
  resolveCommitment,
  type CommitmentRow,
} from '../db/commitments.js';
import { describeDeal, getDeal } from '../db/deals.js';
import { resolveDeal } from '../db/which.js';
import { recordEvent } from '../db/events.js';
import { inTransaction } from '../db/transaction.js';
import { getProspect } from '../db/prospects.js';
import type { Result } from '../render/result.js';
import { commitmentJson, type CommitmentJson } from '../render/records.js';
import { paint, safe, type View } from '../render/text.js';

export const FIRM_NEEDS_DATE = 'a firm commitment needs a date: add --by <when>, e.g. --by 2026-12-15';
const PAYMENT_NAMES: Record<PaymentForm, string> = { dp: 'down payment', full: 'full payment' };

/** Records a commitment. A date-only --by means 09:00 local time that day. */
/** `commit --json`: the commitment and the next action its kind suggests. */
export type CommitJson = CommitmentJson & { next_action: string };

/** `commit kept|broken --json`: the commitment and the prospect's reliability after it. */
export type CommitResolvedJson = CommitmentJson & { reliability: Reliability };

export async function record(ctx: Context, [dealRef, kindText, whatText]: string[], flags: CommitFlags): Promise<Result> {
  const kind = commitmentKind(kindText ?? '');
  let what = optionalText(whatText, 'what was promised');
  const from = optionalText(flags.from, '--from');
  const payment = flags.payment === undefined ? null : oneOf(flags.payment, PAYMENT_FORMS, 'payment form (--payment)');
  let when: When | undefined = flags.by !== undefined ? await parseWhen(flags.by, whenOptions(ctx, '--by')) : undefined;

  const db = ctx.db();
  const deal = resolveDeal(db, dealRef ?? '');
  if (deal.status !== 'open') {
    throw new UsageError(
      closedDealMessage(deal, 'commitments are recorded on open deals only'),
    );
  }
  // A commitment says what was promised: asked on a terminal, required in a script.
  if (!what) {
    if (!ctx.interactive) throw new UsageError(`say what was promised: salesctl commit ${deal.id} ${kind} '<what they promised>', e.g. '20 seats, signed by 1 Feb'`);
    what = await askWhat(ctx, kind);
  }
  if (kind === 'firm' && !when) {
    if (!ctx.interactive) throw new UsageError(FIRM_NEEDS_DATE);
    when = await askDate(ctx);
  }
  const prospect = getProspect(db, deal.prospect_id)!;
  const givenBy = from ?? prospect.name;
  const fromProspect = from === null || from.toLowerCase() === prospect.name.toLowerCase();
  if (firmFromNonDecider(kind, fromProspect ? prospect.decision_maker : null)) {
    warn(ctx, `${safe(prospect.name)} does not decide the purchase: a promise from them only holds with the decision maker's approval; consider kind delegate`);
  }
  if (delegateFromDecider(kind, fromProspect ? prospect.decision_maker : null)) {
    warn(ctx, `${safe(prospect.name)} decides the purchase: a decision maker who hands it to someone else is putting you off; ask what would make it a yes, or record it as low`);
  }
  if (payment && kind !== 'firm') {
    warn(ctx, `--payment ${payment} is kept, but only a firm commitment (a date from the decision maker) is counted as a close`);
  }
  if (when && when.date < localDate(ctx.now, ctx.zone)) warn(ctx, `the promised date ${formatWhen(when.at, ctx.zone, false)} is already past`);

  const { commitment, superseded, stillPending } = inTransaction(db, () => {
    const pending = pendingCommitmentsOfDeal(db, deal.id);
    const superseded = flags.supersede ? pending.map((c) => resolveCommitment(db, c.id, 'superseded', ctx.now)) : [];
    const commitment = insertCommitment(
      db,
      { deal_id: deal.id, kind, what, given_by: givenBy, promised_at: when?.at ?? null, payment },
      ctx.now,
    );
    const replaced = superseded.length ? `; supersedes #${superseded.map((c) => c.id).join(', #')}` : '';
    recordEvent(db, deal.id, ctx.now, 'commitment', `${summarise(commitment, ctx.zone)}${replaced}`);
    return { commitment, superseded, stillPending: flags.supersede ? [] : pending };
  });
  if (stillPending.length) {
    const n = stillPending.length;
    hint(
      ctx,
      `${n} earlier commitment${n === 1 ? ' is' : 's are'} still pending on deal #${deal.id} (#${stillPending.map((c) => c.id).join(', #')}): ` +
        `resolve with 'salesctl commit kept|broken <id>', or record with --supersede`,
    );
  }

  const next = nextAction(kind);
  return {
    json: { ...commitmentJson(commitment, ctx.zone), next_action: next } satisfies CommitJson,
    text(view) {
      const c = paint(view);
      let out = `${c.green('Recorded')} ${kind} commitment #${commitment.id} on deal ${safe(describeDeal(deal))}\n`;
      out += commitmentLines(commitment, view);
      if (superseded.length) out += `Superseded: #${superseded.map((s) => s.id).join(', #')}\n`;
      return `${out}${c.bold('Next:')} ${next}\n`;
    },
  };
}

/** What was promised, asked on a terminal (the text is required). */
async function askWhat(ctx: Context, kind: string): Promise<string> {
  const { input } = await prompts(ctx);
  const answer = await input({ message: `What was promised (${kind})?`, validate: (v) => (v.trim() ? true : 'say what they promised, e.g. 20 seats by 1 Feb') });
  return optionalText(answer, 'what was promised')!;
}

/** Marks a pending commitment as kept. */
export async function kept(ctx: Context, args: string[], flags: CommitResolveFlags): Promise<Result> {
  return resolve(ctx, args, flags, 'kept');
}

/** Marks a pending commitment as broken. */
export async function broken(ctx: Context, args: string[], flags: CommitResolveFlags): Promise<Result> {
  return resolve(ctx, args, flags, 'broken');
}

async function resolve(ctx: Context, [idText]: string[], flags: CommitResolveFlags, status: 'kept' | 'broken'): Promise<Result> {
  const text = recordIdDigits(idText ?? '');
  if (text === undefined) throw new UsageError(`'${idText ?? ''}' is not a commitment id: give the number shown by 'salesctl show <deal>'`);
  const note = optionalText(flags.note, '--note');
  const db = ctx.db();
  const existing = getCommitment(db, Number(text));
  if (!existing) throw new NotFoundError(`no commitment with id ${text}: run 'salesctl show <deal>' to see a deal's commitments`);
  if (!canResolve(existing.status)) {
    throw new UsageError(`commitment #${existing.id} is already ${existing.status}: only a pending commitment can be marked ${status}`);
  }
  const deal = getDeal(db, existing.deal_id)!;
  const { commitment, record } = inTransaction(db, () => {
    const commitment = resolveCommitment(db, existing.id, status, ctx.now);
    recordEvent(db, deal.id, ctx.now, `commitment-${status}`, `commitment #${commitment.id} ${status}${note ? `: ${note}` : ''}`);
    return { commitment, record: reliability(commitmentStatusesOfProspect(db, deal.prospect_id)) };
  });
  return {
    json: { ...commitmentJson(commitment, ctx.zone), reliability: record } satisfies CommitResolvedJson,
    text(view) {
      const c = paint(view);
      const verdict = status === 'kept' ? c.green('Kept') : c.red('Broken');
      return (
        `${verdict}: ${commitment.kind} commitment #${commitment.id} on deal ${safe(describeDeal(deal))}\n` +
        commitmentLines(commitment, view) +
        `Reliability of ${safe(deal.prospect_name)}: ${describeReliability(record)}\n`
      );
    },
  };
}

async function askDate(ctx: Context): Promise<When> {
  const { input } = await prompts(ctx);
  let parsed: When | undefined;
  await input({
    message: 'A firm commitment has a date: when will they buy? (e.g. 2026-12-15, next friday)',
    validate: async (value: string) => {
      try {
        parsed = await parseWhen(value, whenOptions(ctx, '--by'));
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return parsed!;
}

/** The commitment's answers, one per indented line; what was not given is left out. */
function commitmentLines(c: CommitmentRow, view: View): string {
  const lines: Array<[string, string | null]> = [
    ['what', c.what],
    ['from', c.given_by],
    ['by', c.promised_at && forPeople(c.promised_at, view)],
    ['payment', c.payment && PAYMENT_NAMES[c.payment]],
  ];
  return lines
    .filter(([, value]) => value)
    .map(([label, value]) => `  ${`${label}:`.padEnd(9)}${safe(value)}\n`)
    .join('');
}

function summarise(c: CommitmentRow, zone: string): string {
  return `${c.kind} commitment #${c.id}${c.given_by ? ` from ${c.given_by}` : ''}${c.what ? `: ${c.what}` : ''}` +
    `${c.promised_at ? ` by ${isoInZone(c.promised_at, zone)}` : ''}${c.payment ? ` (${PAYMENT_NAMES[c.payment]})` : ''}`;
}

