// A keep-in-touch rhythm ('2w', '3m'): how it is written, read, and when it puts the next touch.
import { UsageError } from '../errors.js';
import { addDays, addPeriod, localDate, weekday, zonedInstant } from './time.js';
import type { DateOnly } from './bestTime.js';

const UNITS = { d: 'day', w: 'week', m: 'month', y: 'year' } as const;
type Unit = keyof typeof UNITS;
const EVERY = /^(?:every\s+)?(\d{1,3})\s*(d|days?|w|weeks?|m|months?|y|years?)$/i;
/** The longest rhythm: beyond five years it is no longer keeping in touch. */
const MAX_DAYS = 5 * 366;

const EVERY_EXAMPLES = "10d, 2w, 3m or 1y ('off' to stop)";

/** Reads a rhythm ('2w', '3 months', 'every 10 days') as its stored form ('2w'); anything else is refused. */
export function parseEvery(text: string, flag = '--every'): string {
  const match = EVERY.exec(text.trim());
  const refuse = () => new UsageError(`${flag} '${text}' is not a rhythm: use ${EVERY_EXAMPLES}`);
  if (!match) throw refuse();
  const n = Number(match[1]);
  const unit = match[2]!.toLowerCase()[0] as Unit;
  const days = n * { d: 1, w: 7, m: 31, y: 366 }[unit];
  if (n < 1 || days > MAX_DAYS) throw new UsageError(`${flag} '${text}' is ${n < 1 ? 'no rhythm' : 'too long'}: use from 1d up to 5y, e.g. ${EVERY_EXAMPLES}`);
  return `${n}${unit}`;
}

/** '2w' → 'every 2 weeks', '1m' → 'every month'. */
export function describeEvery(every: string): string {
  const n = Number(every.slice(0, -1));
  const unit = UNITS[every.slice(-1) as Unit];
  return n === 1 ? `every ${unit}` : `every ${n} ${unit}s`;
}

/**
 * The next touch of a rhythm: `every` after the contact, counted in the prospect's calendar, on a weekday
 * (a Saturday or Sunday moves to the Monday), where a date alone lands for them (`place`: core/bestTime.ts
 * dateOnlyRule, the start of their best time in their zone, 09:00 without one).
 */
export function nextTouch(contact: Date, every: string, place: DateOnly): Date {
  const n = Number(every.slice(0, -1));
  const unit = every.slice(-1) as Unit;
  const from = localDate(contact, place.zone);
  let date = addPeriod(from, n, unit);
  const day = weekday(date);
  if (day === 6) date = addDays(date, 2);
  else if (day === 0) date = addDays(date, 1);
  return zonedInstant(date, place.time, place.zone);
}
