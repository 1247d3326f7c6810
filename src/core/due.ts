// The morning table's rules: which follow-ups are due, and how late the overdue ones are.
import { addDays, calendarDays, localDate, startOfDay } from './time.js';

/** How `--until` was given: an instant, or a calendar date meaning the whole of that local day. */
export interface Until {
  at: Date;
  hadTime: boolean;
  /** The local calendar date named ('YYYY-MM-DD'). */
  date: string;
}

/**
 * The exclusive end of what `due` shows: the end of today in `zone` by default; with --until that
 * instant (inclusive) or the end of that local day. Never earlier than now: overdue always shows.
 */
export function dueWindowEnd(now: Date, zone: string, until?: Until): Date {
  const end = !until
    ? startOfDay(addDays(localDate(now, zone), 1), zone)
    : until.hadTime
      ? new Date(until.at.getTime() + 1)
      : startOfDay(addDays(until.date, 1), zone);
  return end.getTime() < now.getTime() ? new Date(now) : end;
}

/** A follow-up is overdue once its time has passed. */
export function isOverdue(dueAt: Date, now: Date): boolean {
  return dueAt.getTime() < now.getTime();
}

/** How late: '2d overdue' across local days, else '3h overdue' or '40m overdue'. */
export function overdueLabel(dueAt: Date, now: Date, zone: string): string {
  const days = calendarDays(localDate(dueAt, zone), localDate(now, zone));
  if (days > 0) return `${days}d overdue`;
  const minutes = Math.max(1, Math.floor((now.getTime() - dueAt.getTime()) / 60_000));
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h overdue` : `${minutes}m overdue`;
}
