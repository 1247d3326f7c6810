// The prospect's best time to be reached: a window of wall-clock time in their own zone.
import { UsageError } from '../errors.js';
import { localTime } from './time.js';

/** A daily window in the prospect's zone, as 'HH:MM' strings (start inclusive, end exclusive). */
export interface BestTime {
  start: string;
  end: string;
}

const WINDOW = /^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$/;

/** Reads 'HH:MM-HH:MM' (an en dash works too); the end must come after the start. */
export function parseBestTime(text: string): BestTime {
  const match = WINDOW.exec(text.trim());
  const refuse = (why: string) => new UsageError(`cannot read the best time '${text}' for --best-time: ${why}`);
  if (!match) throw refuse('write it as HH:MM-HH:MM in the prospect\'s zone, e.g. 10:00-12:00');
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59 || (h2 === 24 && m2 !== 0)) throw refuse('hours go from 00 to 23, minutes from 00 to 59');
  const start = `${pad(h1)}:${pad(m1)}`;
  const end = `${pad(h2)}:${pad(m2)}`;
  if (end <= start) throw refuse('the end must come after the start, e.g. 10:00-12:00');
  return { start, end };
}

/** True when `instant` falls inside the window, read in `zone`. */
export function withinBestTime(instant: Date, window: BestTime, zone: string): boolean {
  const time = localTime(instant, zone);
  return time >= window.start && time < window.end;
}

/** '10:00-12:00'. */
export function formatBestTime(window: BestTime): string {
  return `${window.start}-${window.end}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Who is being reached, for the best-time rule: their name, zone and window (any may be missing). */
export interface Reachable {
  name: string;
  tz: string | null;
  bestTime: BestTime | null;
}

/**
 * The warning for a follow-up at `instant` outside the prospect's best-time window, read in their
 * zone (else `localZone`), or null when it is inside or they have no window.
 */
export function bestTimeWarning(instant: Date, who: Reachable, localZone: string): string | null {
  if (!who.bestTime) return null;
  const zone = who.tz ?? localZone;
  if (withinBestTime(instant, who.bestTime, zone)) return null;
  return `${localTime(instant, zone)} for ${who.name} (${zone}) is outside their best time ${formatBestTime(who.bestTime)}`;
}

/** A prospect's stored window (best_time_start and best_time_end, written together by `add`), or null. */
export function storedBestTime(p: { best_time_start: string | null; best_time_end: string | null }): BestTime | null {
  return p.best_time_start && p.best_time_end ? { start: p.best_time_start, end: p.best_time_end } : null;
}

/**
 * The stored window as people and JSON read it, '10:00-12:00', or null. The export's SQL restates it
 * (db/exportQueries.ts; test/commands/export.test.ts holds its prospects equal to render/records.ts's).
 */
export function storedBestTimeText(p: { best_time_start: string | null; best_time_end: string | null }): string | null {
  const window = storedBestTime(p);
  return window && formatBestTime(window);
}

/** Where a date given without a time lands: a wall-clock time ('HH:MM') in a zone. */
export interface DateOnly {
  time: string;
  zone: string;
}

/** Where a date alone lands for someone with no best time: 09:00. */
export const DATE_ONLY_TIME = '09:00';

/**
 * Where a date without a time lands, for every command, import and keep-in-touch rhythm (the one rule): the
 * start of the prospect's best-time window in their zone, else 09:00 in their zone, else 09:00 in the local
 * zone. An import has no best-time column, so a prospect new in the file lands at 09:00 in the file's zone
 * for them, and one already known at the start of their stored window.
 */
export function dateOnlyRule(who: { tz: string | null; best_time_start: string | null }, localZone: string): DateOnly {
  return { time: who.best_time_start ?? DATE_ONLY_TIME, zone: who.tz ?? localZone };
}
