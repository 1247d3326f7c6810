// The rules of post-mortems: the outcome a deal's status implies, root causes counted across
// post-mortems, and the causes that come back in later post-mortems (a lesson not yet learned).
import { ROOT_CAUSE_NAMES, oneOf, type DealStatus, type PostmortemOutcome, type RootCause } from './vocab.js';

/**
 * The questions of the guided post-mortem, in the order "learn to unlearn" suggests (what happened, the
 * assumption that failed, root causes, who you tested it with, what the prospect said, the new method):
 * asked on a terminal by `salesctl postmortem`, and handed to an AI assistant by the MCP server.
 */
export const POSTMORTEM_QUESTIONS = {
  what: 'What happened? (the facts, without blaming circumstances)',
  assumption: 'Which assumption failed? (did the approach fit? did you master the features? did you research the segment?)',
  causes: 'Root causes',
  reviewers: 'Who did you review it with?',
  reviewerExamples: 'team lead, a friend, family',
  feedback: 'What did the prospect say? (their own feedback)',
  lesson: 'The lesson: what will you do differently next time?',
} as const;

/** A lost deal is reflected on as lost, a won one as won; an open or not-now deal as stalled. */
export function defaultOutcome(status: DealStatus): PostmortemOutcome {
  return status === 'lost' ? 'lost' : status === 'won' ? 'won' : 'stalled';
}

/**
 * The deal statuses each post-mortem outcome can describe: a deal is not reflected on as won while it is
 * open, nor as lost unless it was; a stalled one may still be open, put off (not-now) or lost by stalling.
 */
const OUTCOME_STATUSES: Record<PostmortemOutcome, readonly DealStatus[]> = {
  won: ['won'],
  lost: ['lost'],
  stalled: ['open', 'not-now', 'lost'],
};

/** Why `outcome` disagrees with a deal of `status` (one sentence naming what would be right), or null. */
export function outcomeMismatch(outcome: PostmortemOutcome, status: DealStatus, dealId: number): string | null {
  if (OUTCOME_STATUSES[outcome].includes(status)) return null;
  const fits = defaultOutcome(status);
  const close = outcome === 'stalled' ? '' : `, or close it first (salesctl close ${dealId} ${outcome})`;
  const fitting = OUTCOME_STATUSES[outcome];
  const kinds = fitting.length > 1 ? `${fitting.slice(0, -1).join(', ')} or ${fitting[fitting.length - 1]}` : fitting[0]!;
  return `a ${outcome} post-mortem is for ${/^[aeiou]/.test(kinds) ? 'an' : 'a'} ${kinds} deal, and deal #${dealId} is ${status}: use --outcome ${fits}${status === 'open' || status === 'not-now' ? close : ''}`;
}

/** The causes a user gave, checked against the fixed list, without duplicates, in the order given. */
export function rootCauses(values: readonly string[]): RootCause[] {
  const causes: RootCause[] = [];
  for (const value of values) {
    const cause = oneOf(value, ROOT_CAUSE_NAMES, 'root cause (--cause)');
    if (!causes.includes(cause)) causes.push(cause);
  }
  return causes;
}

/** 'team lead, Sari ,, Mum' → ['team lead', 'Sari', 'Mum'] (trimmed, no empties, no duplicates). */
export function reviewerList(values: readonly string[]): string[] {
  const reviewers: string[] = [];
  for (const name of values.flatMap((value) => value.split(','))) {
    const trimmed = name.trim();
    if (trimmed && !reviewers.some((r) => r.toLowerCase() === trimmed.toLowerCase())) reviewers.push(trimmed);
  }
  return reviewers;
}

export interface CauseCount {
  cause: RootCause;
  count: number;
}

/** How often each cause was named, most frequent first, ties by name. */
export function countCauses(postmortems: ReadonlyArray<{ causes: readonly RootCause[] }>): CauseCount[] {
  const counts = new Map<RootCause, number>();
  for (const pm of postmortems) for (const cause of pm.causes) counts.set(cause, (counts.get(cause) ?? 0) + 1);
  return [...counts].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
}

export interface Repeats {
  /** Post-mortems that named a cause an earlier post-mortem had already named. */
  count: number;
  /** All post-mortems looked at. */
  total: number;
  /** Each repeated cause and how many later post-mortems named it again, most first, ties by name. */
  causes: CauseCount[];
  /** The ids of the repeating post-mortems, oldest first. */
  postmortem_ids: number[];
}

/**
 * Walks the post-mortems oldest first (they must be given in that order): one is a repeat when any of
 * its causes appeared in an earlier one. 'other' is a catch-all, so naming it twice is not a repeat.
 */
export function findRepeats(postmortems: ReadonlyArray<{ id: number; causes: readonly RootCause[] }>): Repeats {
  const seen = new Set<RootCause>();
  const repeatedCauses = new Map<RootCause, number>();
  const ids: number[] = [];
  for (const pm of postmortems) {
    const again = pm.causes.filter((cause) => cause !== 'other' && seen.has(cause));
    if (again.length) ids.push(pm.id);
    for (const cause of again) repeatedCauses.set(cause, (repeatedCauses.get(cause) ?? 0) + 1);
    for (const cause of pm.causes) seen.add(cause);
  }
  const causes = [...repeatedCauses]
    .map(([cause, count]) => ({ cause, count }))
    .sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
  return { count: ids.length, total: postmortems.length, causes, postmortem_ids: ids };
}
