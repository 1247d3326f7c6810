// An instant shown to a person, in one place: on a terminal in words ('Mon 23 Nov 10:00'), in a pipe, JSON and
// CSV as ISO 8601 with the local offset. Offsets come from core/time.ts (its one offset cache) and the words
// from its dayjs patterns. This module imports nothing else, so a command that confirms one instant (commit)
// pays for no table layout or export code.
import { dayOffset, formatInZone, formatOffset, isoInZone, localDate } from '../core/time.js';
import type { View } from './text.js';

/** An instant for people: 'Mon 23 Nov 10:00' on a terminal (the year when not this year), ISO in a pipe; '—' / '' when none. */
export function when(value: string | null | undefined, view: View): string {
  if (!value) return view.isTTY ? '—' : '';
  if (!view.isTTY) return isoInZone(value, view.zone);
  return formatInZone(value, view.zone, thisYear(value, view) ? 'ddd D MMM HH:mm' : 'ddd D MMM YYYY HH:mm');
}

/** The local day of an instant for people: 'Mon 23 Nov' on a terminal (the year when not this year), 'YYYY-MM-DD' in a pipe. */
export function day(value: string, view: View): string {
  if (!view.isTTY) return localDate(new Date(value), view.zone);
  return formatInZone(value, view.zone, thisYear(value, view) ? 'ddd D MMM' : 'ddd D MMM YYYY');
}

/** The current year of each view, worked out once: `when` runs per row of a table. */
const currentYears = new WeakMap<View, string>();

function thisYear(value: string, view: View): boolean {
  let year = currentYears.get(view);
  if (year === undefined) currentYears.set(view, (year = formatInZone(view.now, view.zone, 'YYYY')));
  return formatInZone(value, view.zone, 'YYYY') === year;
}

/** An instant as a person reads it without doubt, to confirm what they typed: 'Thu 3 Dec 2026 09:00' (or the day alone). */
export function formatWhen(at: Date, zone: string, hadTime = true): string {
  return formatInZone(at, zone, hadTime ? 'ddd D MMM YYYY HH:mm' : 'ddd D MMM YYYY');
}

/** A day (and a time) of the week ahead, where the year goes without saying: 'Mon 23 Nov 10:00', or 'Mon 23 Nov'. */
export function dayAndTime(at: Date | string, zone: string, hadTime = true): string {
  return formatInZone(at, zone, hadTime ? 'ddd D MMM HH:mm' : 'ddd D MMM');
}

/** An instant for JSON: ISO 8601 with the local offset, or null. */
export function instant(value: string | null | undefined, zone: string): string | null {
  return value ? isoInZone(value, zone) : null;
}

/**
 * `isoInZone` for many instants, fast: the zone's offset is looked up once per UTC day, and a stored
 * instant ('2026-11-22T08:00:00.000Z') on a day with one whole-hour offset is rewritten as text. A day
 * that holds a change of offset, or an odd offset (+05:30), goes the exact way through `isoInZone`.
 */
export function instantFormatter(zone: string): (stored: string) => string {
  const at = instantsIn(zone);
  return (stored) => at(stored, 0, stored.length);
}

/**
 * `instantFormatter` for the instant stored in `text` from `from` to `to`: no piece of it cut out first.
 * It keeps each UTC day's text, not offsets (those come from dayOffset(), core/time.ts's cache): the hot
 * loop of an export and of a piped `list`, where building the text per row (toISOString, or a dayjs
 * format) would cost an allocation or more per instant.
 */
export function instantsIn(zone: string): (text: string, from: number, to: number) => string {
  // Per UTC day: the local 'YYYY-MM-DDTHH' of each of its 24 hours, then the offset text; null: the exact way.
  const days = new Map<string, string[] | null>();
  const read = (key: string): string[] | null => {
    const start = Date.parse(`${key}T00:00:00.000Z`);
    if (Number.isNaN(start)) return null;
    const offset = dayOffset(start, zone);
    if (offset === undefined || offset % 60 !== 0) return null;
    const hours: string[] = [];
    for (let h = 0; h < 24; h++) hours.push(new Date(start + h * 3_600_000 + offset * 60_000).toISOString().slice(0, 13));
    hours.push(formatOffset(offset));
    return hours;
  };
  // The same days found by numbers (month yyyymm, then day of month) when the date is all digits: no key string
  // to cut and hash per instant.
  const months = new Map<number, (string[] | null | undefined)[]>();
  const digit = (code: number) => (code - 48) >>> 0 > 9;
  return (text, from, to) => {
    if (to - from !== 24 || text.charCodeAt(from + 23) !== 90 /* Z */) return isoInZone(text.slice(from, to), zone);
    let day: string[] | null | undefined;
    const y1 = text.charCodeAt(from), y2 = text.charCodeAt(from + 1), y3 = text.charCodeAt(from + 2), y4 = text.charCodeAt(from + 3);
    const m1 = text.charCodeAt(from + 5), m2 = text.charCodeAt(from + 6), d1 = text.charCodeAt(from + 8), d2 = text.charCodeAt(from + 9);
    if (
      digit(y1) || digit(y2) || digit(y3) || digit(y4) || digit(m1) || digit(m2) || digit(d1) || digit(d2) ||
      text.charCodeAt(from + 4) !== 45 || text.charCodeAt(from + 7) !== 45
    ) {
      const key = text.slice(from, from + 10);
      day = days.get(key);
      if (day === undefined) days.set(key, (day = read(key)));
    } else {
      const month = ((((y1 * 10 + y2) * 10 + y3) * 10 + y4) * 10 + m1) * 10 + m2 - 5_333_328; // 48 * 111111
      let inMonth = months.get(month);
      if (inMonth === undefined) months.set(month, (inMonth = new Array<string[] | null | undefined>(100).fill(undefined)));
      const at = d1 * 10 + d2 - 528; // 48 * 11
      day = inMonth[at];
      if (day === undefined) inMonth[at] = day = read(text.slice(from, from + 10));
    }
    const tens = text.charCodeAt(from + 11) - 48;
    const units = text.charCodeAt(from + 12) - 48;
    const hour = tens * 10 + units;
    if (!day || text.charCodeAt(from + 10) !== 84 /* T */ || tens < 0 || tens > 2 || units < 0 || units > 9 || hour > 23) {
      return isoInZone(text.slice(from, to), zone);
    }
    return day[hour] + text.slice(from + 13, from + 19) + day[24];
  };
}
