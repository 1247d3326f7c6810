// A deal that went quiet: the prospect stopped answering, or nothing has happened on it for weeks.
// The advice is to call back for the truth, not to close.
import type { Outcome } from './vocab.js';

/** Outcomes where nobody answered. */
export const UNANSWERED_OUTCOMES: readonly Outcome[] = ['no-answer', 'voicemail', 'bounced', 'no-show'];

/** Days with no contact after which an open deal counts as gone quiet. */
const QUIET_DAYS = 21;

/**
 * Why a deal has gone quiet, or null when it has not, from what `due` reads per deal: when it last had
 * contact (ms), the outcomes of its last two completed follow-ups (latest first), and now (ms). Plain
 * values, because `due` asks it for every open deal that may have gone quiet: a couple of thousand at 100k deals.
 */
export function quietReason(lastContactAt: number, latest: string | null | undefined, previous: string | null | undefined, now: number): string | null {
  if (isUnanswered(latest) && isUnanswered(previous)) return `the last 2 follow-ups went unanswered (${latest}, ${previous})`;
  const days = Math.floor((now - lastContactAt) / 86_400_000);
  return days >= QUIET_DAYS ? `no contact for ${days} days` : null;
}

/** The instant before which no contact means gone quiet (a deal last touched at or before it qualifies). */
export function quietSince(now: Date): Date {
  return new Date(now.getTime() - QUIET_DAYS * 86_400_000);
}

function isUnanswered(outcome: string | null | undefined): boolean {
  return (UNANSWERED_OUTCOMES as readonly string[]).includes(outcome ?? '');
}
