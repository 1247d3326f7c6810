// The fixed words of the sales process, in one place so commands, prompts, help and tests agree.
import { UsageError } from '../errors.js';

export const COMMITMENT_KINDS = ['delegate', 'low', 'firm'] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];

/** What each kind of commitment asks the salesperson to do next. */
export const NEXT_ACTIONS: Record<CommitmentKind, string> = {
  delegate: 'get to the decision maker: ask to be introduced to whoever approves this',
  low: 'follow up until it is certain: a purchase date or a change of mind',
  firm: 'send the contract and collect the payment (down payment or full)',
};

export const COMMITMENT_STATUSES = ['pending', 'kept', 'broken', 'superseded'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const PAYMENT_FORMS = ['dp', 'full'] as const;
export type PaymentForm = (typeof PAYMENT_FORMS)[number];

export const CHANNELS = ['call', 'email', 'sms', 'chat', 'meeting', 'visit'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PURPOSES = ['follow-up', 'closure', 'truth', 'feedback', 'nurture'] as const;
export type Purpose = (typeof PURPOSES)[number];
/**
 * A closure call: a time agreed with the prospect to bring closure, whatever they decide (the JSON's
 * `closure: true`, the ★ of the morning table). The export's SQL restates it as `purpose = 'closure'`.
 */
export function isClosure(purpose: string): boolean {
  return purpose === 'closure';
}

export const FOLLOWUP_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

export const OUTCOMES = ['reached', 'no-answer', 'voicemail', 'replied', 'bounced', 'meeting-held', 'no-show'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes where the prospect was actually reached. */
export const REACHED_OUTCOMES: readonly Outcome[] = ['reached', 'replied', 'meeting-held'];

export const DEAL_STATUSES = ['open', 'won', 'lost', 'not-now'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

export const POSTMORTEM_OUTCOMES = ['lost', 'won', 'stalled'] as const;
export type PostmortemOutcome = (typeof POSTMORTEM_OUTCOMES)[number];

/** Root causes of a lost or stalled deal: a fixed list so repeats can be counted. */
export const ROOT_CAUSES = {
  segment: "the prospect's segment was not researched",
  approach: 'the approach did not fit the prospect',
  'product-knowledge': 'product features not mastered',
  'no-commitment': 'a step ended without a commitment for the next',
  'no-decision-maker': 'never reached the decision maker',
  timing: 'wrong time for the prospect',
  price: 'price or budget',
  competitor: 'a competitor won',
  pressure: 'pushed to close instead of bringing closure',
  'no-follow-up': 'follow-up was late or missing',
  other: 'something else (say what in the lesson)',
} as const;
export type RootCause = keyof typeof ROOT_CAUSES;
export const ROOT_CAUSE_NAMES = Object.keys(ROOT_CAUSES) as RootCause[];

/** Checks that `value` is one of `allowed`, or throws a UsageError naming the flag and the choices. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  const normalised = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(normalised)) return normalised as T;
  throw new UsageError(`unknown ${what} '${value}': use one of ${allowed.join(', ')}`);
}
