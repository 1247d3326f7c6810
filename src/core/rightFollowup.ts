// Doing the right follow-up: completing one that is not due today may be a slip (a deal id typed where a
// follow-up id was meant), so the salesperson is told whose it is and when it is due.
import { formatInZone, localDate } from './time.js';

export interface FollowupDue {
  id: number;
  /** When it is due (ISO instant). */
  dueAt: string;
  prospect: string;
  company: string;
}

/**
 * The warning for completing `followup` at `now`, or null when it is due today (in `zone`). `later` is
 * true when it is due on a later day: the likelier slip, which a terminal confirms.
 */
export function dueDayWarning(followup: FollowupDue, now: Date, zone: string): { message: string; later: boolean } | null {
  const due = localDate(new Date(followup.dueAt), zone);
  const today = localDate(now, zone);
  if (due === today) return null;
  const later = due > today;
  const who = `${followup.prospect}${followup.company ? ` (${followup.company})` : ''}`;
  const day = formatInZone(followup.dueAt, zone, due.slice(0, 4) === today.slice(0, 4) ? 'ddd D MMM' : 'ddd D MMM YYYY');
  return {
    message: `follow-up #${followup.id} is ${who}'s, due ${day}${later ? ', not today' : ' (overdue)'}: check the Id in 'salesctl due' if you meant another`,
    later,
  };
}
