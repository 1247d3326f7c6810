// A deal that went quiet: the prospect stopped answering, or nothing has happened on it for weeks.
// The advice is to call back for the truth, not to close.
import type { Outcome } from './vocab.js';

/** Outcomes where nobody answered. */
export const UNANSWERED_OUTCOMES: readonly Outcome[] = ['no-answer', 'voicemail', 'bounced', 'no-show'];

/** Days with no contact after which an open deal counts as gone quiet. */
export const QUIET_DAYS = 21;

/** What is known about an open deal's recent contact. */
export interface ContactHistory {
  /** When the deal was created (ISO). */
  createdAt: string;
  /** Outcomes of its completed follow-ups, latest first (at least the last two, when there are two). */
  lastOutcomes: Array<string | null>;
  /** When its latest follow-up was completed (ISO), if any. */
  lastDoneAt: string | null;
  /** When its latest commitment was recorded (ISO), if any. */
  lastCommitmentAt: string | null;
}

/** Why a deal has gone quiet, or null when it has not. */
export function goneQuiet(history: ContactHistory, now: Date): string | null {
  return quietReason(lastContact(history), history.lastOutcomes[0], history.lastOutcomes[1], now.getTime());
}

/**
 * The same rule on what `due` reads per deal: when it last had contact (ms), the outcomes of its last
 * two completed follow-ups (latest first), and now (ms). Plain values, because `due` asks it for every
 * open deal that may have gone quiet: a couple of thousand at 100k deals.
 */
export function quietReason(lastContactAt: number, latest: string | null | undefined, previous: string | null | undefined, now: number): string | null {
  if (isUnanswered(latest) && isUnanswered(previous)) return `the last 2 follow-ups went unanswered (${latest}, ${previous})`;
  const days = Math.floor((now - lastContactAt) / 86_400_000);
  return days >= QUIET_DAYS ? `no contact for ${days} days` : null;
}

/** When the deal last had contact (ms): the latest of its creation, completed follow-ups and commitments. */
export function lastContact(history: ContactHistory): number {
  let latest = Date.parse(history.createdAt);
  for (const at of [history.lastDoneAt, history.lastCommitmentAt]) if (at) latest = Math.max(latest, Date.parse(at));
  return latest;
}

/** The instant before which no contact means gone quiet (a deal last touched at or before it qualifies). */
export function quietSince(now: Date): Date {
  return new Date(now.getTime() - QUIET_DAYS * 86_400_000);
}

function isUnanswered(outcome: string | null | undefined): boolean {
  return (UNANSWERED_OUTCOMES as readonly string[]).includes(outcome ?? '');
}
