// Instants, local calendar dates and zones. Calendar arithmetic is done on 'YYYY-MM-DD' strings by dayjs
// (its core and UTC plugin, bundled into dist/main.cjs: no zone ever reaches it) and converted to an
// instant at the end, with our own zone offset. Wall clocks are formatted here, by hand, for their speed
// per row (formatAtOffset).
//
// Start-up cost: the first Intl.DateTimeFormat a process builds costs about 15 ms (ICU loads its locale
// data), which is a third of what `salesctl due` may spend above bare node. So a zone's offset is read
// from the Date object instead: with process.env.TZ set to the zone for one synchronous call (node
// re-reads TZ on assignment), `getTimezoneOffset()` gives the offset from the same ICU zone data that
// Intl would use. Offsets are cached per zone and UTC day (or hour, around a change). Intl is still the fallback for zone names the
// Date object does not resolve itself (lower-case spellings and other oddities).
import { readlinkSync } from 'node:fs';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { UsageError } from '../errors.js';
import { suggestZones } from './zoneNames.js';

// dayjs's timezone plugin is left out: it reads zones through Intl.DateTimeFormat (15-24 ms at start).
dayjs.extend(utc);

const HOUR = 3_600_000;
const DAY = 86_400_000;
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu', 'UCT', 'Etc/UCT']);
const resolved = new Map<string, string | null>();

/** The zone name the Date object understands, or null when it is not a zone. */
function canonicalZone(zone: string): string | null {
  if (UTC_NAMES.has(zone)) return 'UTC';
  let canonical = resolved.get(zone);
  if (canonical === undefined) {
    if (dateKnowsZone(zone)) canonical = zone;
    else {
      try {
        canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
      } catch {
        canonical = null;
      }
    }
    resolved.set(zone, canonical);
  }
  return canonical;
}

/**
 * True when the Date object resolves `zone` itself as a named zone (an alias such as Asia/Kolkata or
 * US/Eastern). ICU shows an unknown name, or a POSIX rule it only read an offset from, as '(GMT+hh:mm)':
 * those, and names not shaped like Area/Location, go the slow Intl way, which decides as before.
 */
function dateKnowsZone(zone: string): boolean {
  if (!mayBeNamedZone(zone)) return false;
  return withZone(zone, dateResolvedZone);
}

/** Whether `zone` is shaped like Area/Location, the only names the Date object can resolve by itself. */
export function mayBeNamedZone(zone: string): boolean {
  return /^[A-Za-z]+(\/[A-Za-z0-9_+-]+)+$/.test(zone);
}

/** Inside withZone(): whether the Date object resolved the zone by name (not '(GMT+hh:mm)', an unknown name). */
export function dateResolvedZone(): boolean {
  return !/\(GMT[+-]\d\d:\d\d\)$/.test(new Date(0).toString());
}

/**
 * Runs `read` with the process's TZ set to `zone`, then puts TZ back: node re-reads TZ on assignment, so
 * the Date object answers in that zone from ICU's zone data without building an Intl formatter (~15 ms).
 * `read` must be synchronous.
 */
export function withZone<T>(zone: string, read: () => T): T {
  const previous = process.env.TZ;
  if (previous === zone) return read();
  process.env.TZ = zone;
  try {
    return read();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/** Throws a UsageError unless `zone` is an IANA time zone this machine knows. */
export function checkZone(zone: string, flag = '--tz'): string {
  if (canonicalZone(zone) === null) {
    const near = suggestZones(zone, Intl.supportedValuesOf('timeZone'));
    const use = near.length ? `did you mean ${near.join(' or ')}?` : 'use an IANA name such as Asia/Jakarta or America/New_York';
    throw new UsageError(`unknown time zone '${zone}' for ${flag}: ${use}`);
  }
  return zone;
}

let processZone: { tz: string | undefined; zone: string; problem?: string } | undefined;

/** The local zone of this process (TZ, else the /etc/localtime link), as an IANA name (an alias stays as given). */
export function systemZone(): string {
  const tz = process.env.TZ;
  if (!processZone || processZone.tz !== tz) {
    processZone = { tz, ...detectZone() };
    // The process's own clock follows the zone chosen here (see zoneOffset's fast path), e.g. Etc/GMT+5 for
    // the POSIX rule UTC+5, and UTC rather than whatever ICU makes of an unknown name.
    if (tz !== undefined && process.env.TZ !== processZone.zone && (processZone.problem || processZone.zone !== tz)) {
      process.env.TZ = processZone.zone;
      processZone.tz = processZone.zone;
    }
  }
  return processZone.zone;
}

/** Why TZ could not be used as given (a warning for the user), once systemZone() has read it; else undefined. */
export function systemZoneProblem(): string | undefined {
  systemZone();
  return processZone!.problem;
}

function detectZone(): { zone: string; problem?: string } {
  const tz = process.env.TZ;
  let name: string | undefined;
  // ':name' is the same zone as 'name'; a bare ':' (or an empty TZ) is the system's own zone.
  if (tz) name = tz.startsWith(':') ? tz.slice(1) || undefined : tz;
  if (!name) {
    try {
      name = /zoneinfo\/(.+)$/.exec(readlinkSync('/etc/localtime'))?.[1];
    } catch {
      name = undefined;
    }
    if (tz !== undefined) {
      if (name) return { zone: UTC_NAMES.has(name) ? 'UTC' : name };
      return { zone: 'UTC' };
    }
  }
  // The fast answer only when ICU itself resolved the name to a zone; anything unusual asks Intl.
  if (name && UTC_NAMES.has(name)) return { zone: 'UTC' };
  if (name && dateKnowsZone(name)) return { zone: name };
  if (name && tz !== undefined) {
    // A spelling Intl knows but the process clock does not (asia/jakarta): the canonical name, which both know.
    const known = canonicalZone(name);
    if (known !== null && known !== 'Etc/Unknown') return { zone: known };
    return posixZone(tz, name);
  }
  return { zone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' };
}

/**
 * A TZ that is not an IANA name: a POSIX rule of a whole-hour offset (UTC+5, <+07>-7, EST5) is that fixed
 * zone (Etc/GMT+5: both count hours west of UTC); anything else is used as UTC, with a warning saying so.
 */
function posixZone(tz: string, name: string): { zone: string; problem?: string } {
  const rule = /^(?:<[^>]+>|[A-Za-z]{3,})([+-]?)(\d{1,2})(?::(\d{2}))?(.*)$/.exec(name);
  if (rule) {
    const west = (rule[1] === '-' ? -1 : 1) * Number(rule[2]);
    const minutes = Number(rule[3] ?? 0);
    if (minutes === 0 && west >= -14 && west <= 12) {
      const zone = west === 0 ? 'UTC' : `Etc/GMT${west > 0 ? '+' : '-'}${Math.abs(west)}`;
      if (!rule[4]) return { zone };
      const offset = `UTC${west > 0 ? '-' : '+'}${String(Math.abs(west)).padStart(2, '0')}:00`;
      return { zone, problem: `TZ='${tz}' has daylight-saving rules salesctl cannot follow: set TZ to an IANA name such as Europe/Paris; using ${offset} all year` };
    }
    return { zone: 'UTC', problem: `TZ='${tz}' is an offset salesctl cannot use: set TZ to an IANA name such as Asia/Kolkata; using UTC` };
  }
  return { zone: 'UTC', problem: `TZ='${tz}' is not a time zone this machine knows: set TZ to an IANA name such as Asia/Jakarta; using UTC` };
}

const offsetCache = new Map<string, number>();

/** Minutes east of UTC in `zone` at `ms`, read through the Date object with TZ set to the zone. */
function readOffset(ms: number, zone: string): number {
  return withZone(zone, () => -new Date(ms).getTimezoneOffset());
}

/** The offset of `zone` at an instant (ms), in whole minutes east of UTC. */
function zoneOffset(ms: number, zone: string): number {
  const canonical = canonicalZone(zone);
  if (canonical === null) throw new UsageError(`unknown time zone '${zone}': use an IANA name such as Asia/Jakarta`);
  if (canonical === 'UTC') return 0;
  if (canonical === systemZone()) return Math.round(-new Date(ms).getTimezoneOffset());
  // A UTC day (else hour) whose first and last millisecond have the same offset has it throughout: no
  // zone changes its offset twice in a day. A span that holds a change is read at the exact instant.
  const day = cachedSpan(ms, DAY, canonical);
  if (day !== undefined) return day;
  return cachedSpan(ms, HOUR, canonical) ?? Math.round(readOffset(ms, canonical));
}

function cachedSpan(ms: number, span: number, zone: string): number | undefined {
  const start = Math.floor(ms / span) * span;
  const key = `${zone} ${span} ${start}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = Math.round(readOffset(start, zone));
    offsetCache.set(key, Math.round(readOffset(start + span - 1, zone)) === offset ? offset : NaN);
  }
  const cached = offsetCache.get(key)!;
  return Number.isNaN(cached) ? undefined : cached;
}

/**
 * The offset of `zone` (minutes east of UTC) throughout the UTC day that starts at `dayStart` (ms), or
 * undefined when it changes during that day: for formatters that keep a day's text (render/instant.ts).
 */
export function dayOffset(dayStart: number, zone: string): number | undefined {
  const offset = zoneOffset(dayStart, zone);
  return zoneOffset(dayStart + DAY - 1, zone) === offset ? offset : undefined;
}

/** The wall clock of `zone` at `instant`, as a Date whose UTC fields hold it. */
function wallClock(instant: Date | string, zone: string): Date {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(ms + zoneOffset(ms, zone) * 60_000);
}

/**
 * The instant at wall-clock `date` ('YYYY-MM-DD') and `time` ('HH:MM') in `zone`. A wall time that occurs
 * twice (clocks going back) is the earlier instant; one that does not occur (clocks going forward) moves
 * forward by the length of the gap (02:30 in a 02:00→03:00 gap is 03:30), as Temporal's 'compatible'.
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const before = zoneOffset(wall - 86_400_000, zone);
  const after = zoneOffset(wall + 86_400_000, zone);
  const candidates = [wall - before * 60_000, wall - after * 60_000].filter((ms) => wall - zoneOffset(ms, zone) * 60_000 === ms);
  if (candidates.length) return new Date(Math.min(...candidates));
  return new Date(wall - before * 60_000);
}

/** The calendar date ('YYYY-MM-DD') of `instant` in `zone`. */
export function localDate(instant: Date, zone: string): string {
  return wallClock(instant, zone).toISOString().slice(0, 10);
}

/** The wall-clock time ('HH:MM') of `instant` in `zone`. */
export function localTime(instant: Date, zone: string): string {
  return wallClock(instant, zone).toISOString().slice(11, 16);
}

/** The hour of day (0-23) of `instant` in `zone`. */
export function localHour(instant: Date, zone: string): number {
  return wallClock(instant, zone).getUTCHours();
}

/** `instant` as ISO 8601 with the offset of `zone`, e.g. 2026-11-22T09:00:00+07:00. */
export function isoInZone(instant: Date | string, zone: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const offset = zoneOffset(ms, zone);
  return new Date(ms + offset * 60_000).toISOString().slice(0, 19) + formatOffset(offset);
}

/** The offset of `zone` at `instant`, in minutes east of UTC. */
export function offsetMinutes(instant: Date, zone: string): number {
  return zoneOffset(instant.getTime(), zone);
}

/**
 * `instant` in `zone` with a dayjs-style pattern: YYYY, MM, MMM, D, DD, ddd, HH, mm, ss, Z
 * (e.g. 'ddd D MMM HH:mm' → 'Mon 23 Nov 10:00'); English names, as dayjs's default locale.
 */
export function formatInZone(instant: Date | string, zone: string, pattern: string): string {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return formatAtOffset(ms, zoneOffset(ms, zone), pattern);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The instant `ms` with a pattern (as formatInZone) on the wall clock `offset` minutes east of UTC.
 * Written by hand rather than dayjs.utc(...).format(pattern), which gives the same text: these run per row
 * (the times of a morning table, their-time column, listings) in commands that must start fast, and there
 * dayjs cost ~10-20 µs a call against 1-3 µs (a fresh process, 100-10,000 calls), so `due` on a terminal
 * at 100,000 deals ran 109 M instructions (callgrind) and a median 60 ms (21 interleaved pairs) slower.
 */
export function formatAtOffset(ms: number, offset: number, pattern: string): string {
  const wall = new Date(ms + offset * 60_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return pattern.replace(/YYYY|MMM|MM|DD|D|ddd|HH|mm|ss|Z/g, (token) => {
    switch (token) {
      case 'YYYY': return String(wall.getUTCFullYear()).padStart(4, '0');
      case 'MMM': return MONTHS[wall.getUTCMonth()]!;
      case 'MM': return two(wall.getUTCMonth() + 1);
      case 'DD': return two(wall.getUTCDate());
      case 'D': return String(wall.getUTCDate());
      case 'ddd': return WEEKDAYS[wall.getUTCDay()]!;
      case 'HH': return two(wall.getUTCHours());
      case 'mm': return two(wall.getUTCMinutes());
      case 'ss': return two(wall.getUTCSeconds());
      default: return formatOffset(offset);
    }
  });
}

/** An offset in minutes east of UTC as ISO 8601 text: 420 → '+07:00', -330 → '-05:30'. */
export function formatOffset(offset: number): string {
  const abs = Math.abs(offset);
  return `${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Adds whole days to a calendar date, with no zone involved. */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Adds whole months to a calendar date, clamping to the month's last day (Jan 31 + 1 month = Feb 28). */
export function addMonths(date: string, months: number): string {
  return dayjs.utc(date).add(months, 'month').format('YYYY-MM-DD');
}

/**
 * Whole calendar days from date `a` to date `b` ('YYYY-MM-DD'). Not dayjs's diff: it runs for every overdue
 * row of a morning table, where two dayjs parses and a diff cost about ten times this.
 */
export function calendarDays(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** A period of days, weeks, months or years, as `+2w` and a rhythm `3m` write it. */
export type Period = 'd' | 'w' | 'm' | 'y';

/** A calendar date `n` periods later (months and years clamped to the month's last day, as addMonths). */
export function addPeriod(date: string, n: number, unit: Period): string {
  return unit === 'd' ? addDays(date, n) : unit === 'w' ? addDays(date, 7 * n) : addMonths(date, unit === 'm' ? n : 12 * n);
}

/** The day of the week of a calendar date: 0 is Sunday, 6 Saturday. */
export function weekday(date: string): number {
  return dayjs.utc(date).day();
}

/** The instant a local calendar day starts in `zone`. */
export function startOfDay(date: string, zone: string): Date {
  return zonedInstant(date, '00:00', zone);
}

/** True when `a` and `b` are the same zone at `instant` (same offset and same name rules). */
export function sameZone(a: string, b: string, instant: Date): boolean {
  return a === b || (offsetMinutes(instant, a) === offsetMinutes(instant, b) && a.replace(/^Etc\//, '') === b.replace(/^Etc\//, ''));
}
