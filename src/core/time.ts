// Instants, local calendar dates and zones. Calendar arithmetic is done on 'YYYY-MM-DD' strings and
// converted to an instant at the end: dayjs's timezone plugin keeps a stale offset after add() on a
// zoned value, which is wrong across a daylight-saving change.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';
import { UsageError } from '../errors.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Throws a UsageError unless `zone` is an IANA time zone this machine knows. */
export function checkZone(zone: string, flag = '--tz'): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new UsageError(`unknown time zone '${zone}' for ${flag}: use an IANA name such as Asia/Jakarta or America/New_York`);
  }
}

/** The local zone of this process (TZ), as an IANA name. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The instant at wall-clock `date` ('YYYY-MM-DD') and `time` ('HH:MM') in `zone`. */
export function zonedInstant(date: string, time: string, zone: string): Date {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', zone).toDate();
}

/** The calendar date ('YYYY-MM-DD') of `instant` in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return dayjs(instant).tz(zone).format('YYYY-MM-DD');
}

/** The wall-clock time ('HH:MM') of `instant` in `zone`. */
export function localTime(instant: Date, zone: string): string {
  return dayjs(instant).tz(zone).format('HH:mm');
}

/** The hour of day (0-23) of `instant` in `zone`. */
export function localHour(instant: Date, zone: string): number {
  return dayjs(instant).tz(zone).hour();
}

/** `instant` as ISO 8601 with the offset of `zone`, e.g. 2026-11-22T09:00:00+07:00. */
export function isoInZone(instant: Date | string, zone: string): string {
  return dayjs(instant).tz(zone).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** The offset of `zone` at `instant`, in minutes east of UTC. */
export function offsetMinutes(instant: Date, zone: string): number {
  return dayjs(instant).tz(zone).utcOffset();
}

/** Adds whole days to a calendar date, with no zone involved. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** Adds whole months to a calendar date, clamping to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y!, m! - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d!, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The instant a local calendar day starts in `zone`. */
export function startOfDay(date: string, zone: string): Date {
  return zonedInstant(date, '00:00', zone);
}

/** True when `a` and `b` are the same zone at `instant` (same offset and same name rules). */
export function sameZone(a: string, b: string, instant: Date): boolean {
  return a === b || (offsetMinutes(instant, a) === offsetMinutes(instant, b) && a.replace(/^Etc\//, '') === b.replace(/^Etc\//, ''));
}
