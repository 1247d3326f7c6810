// A deal that went quiet: the prospect stopped answering, or nothing has happened on it for weeks.
// The advice is to call back for the truth, not to close. This file is the rule; db/due.ts restates it in
// SQL so `due` reads only the deals it flags (test/db/quietSql.test.ts holds the two equal), and the
// open_deals triggers of migrations 3, 4 and 6 keep what it reads: each open deal's last contact (the latest
// of its creation, completed follow-ups and commitments) and the outcomes of its last two completed
// follow-ups (test/commands/due-quiet.test.ts).
import type { Outcome, Purpose } from './vocab.js';

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

/**
 * Purposes of a scheduled follow-up that already take the advice (a truth or feedback call is booked): a
 * deal with one is not listed as gone quiet, however long it has been silent.
 */
export const QUIET_ANSWERED_BY: readonly Purpose[] = ['truth', 'feedback'];

/** The instant before which no contact means gone quiet (a deal last touched at or before it qualifies). */
export function quietSince(now: Date): Date {
  return new Date(now.getTime() - QUIET_DAYS * 86_400_000);
}

function isUnanswered(outcome: string | null | undefined): boolean {
  return (UNANSWERED_OUTCOMES as readonly string[]).includes(outcome ?? '');
}
