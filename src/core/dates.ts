// Reading the dates a salesperson types: ISO dates and times, '+2w'-style offsets, and natural phrases
// ('tomorrow 10am', 'next tuesday', 'in 3 days') through chrono-node, loaded only when a phrase needs it.
import { UsageError } from '../errors.js';
import { addDays, addMonths, localDate, offsetMinutes, zonedInstant } from './time.js';

export const DATE_EXAMPLES = "2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w";

/** What a date phrase means: an instant, and whether the user gave a time of day. */
export interface When {
  at: Date;
  hadTime: boolean;
  /** The local calendar date the phrase named ('YYYY-MM-DD' in the local zone). */
  date: string;
}

export interface WhenOptions {
  now: Date;
  /** The local zone: phrases are read in it. */
  zone: string;
  /** Where a date without a time lands: the start of the prospect's best-time window in their zone. */
  dateOnly?: { time: string; zone: string };
  /** The flag being read, for the error message. */
  flag?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const OFFSET = /^([+-])(\d{1,4})\s*(h|hours?|d|days?|w|weeks?|m|months?|y|years?)$/i;

/** Parses a date phrase into an instant; unparseable input is a UsageError with examples. */
export async function parseWhen(input: string, options: WhenOptions): Promise<When> {
  const text = input.trim();
  const refuse = () =>
    new UsageError(`cannot read the date '${input}'${options.flag ? ` for ${options.flag}` : ''}: try ${DATE_EXAMPLES}`);
  if (!text) throw refuse();
  const today = localDate(options.now, options.zone);

  const iso = ISO_DATE_TIME.exec(text);
  if (iso) {
    const [, date, hh, mm, ss, offset] = iso;
    if (!validDate(date!) || Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 59) throw refuse();
    const at = offset
      ? new Date(`${date}T${hh}:${mm}:${ss ?? '00'}${normaliseOffset(offset)}`)
      : zonedInstant(date!, `${hh}:${mm}`, options.zone);
    if (ss && !offset) at.setUTCSeconds(Number(ss));
    return { at, hadTime: true, date: localDate(at, options.zone) };
  }
  if (ISO_DATE.test(text)) {
    if (!validDate(text)) throw refuse();
    return dateOnly(text, options);
  }
  const offset = OFFSET.exec(text);
  if (offset) {
    const n = Number(offset[2]) * (offset[1] === '-' ? -1 : 1);
    const unit = offset[3]!.toLowerCase()[0];
    if (unit === 'h') {
      const at = new Date(options.now.getTime() + n * 3_600_000);
      return { at, hadTime: true, date: localDate(at, options.zone) };
    }
    const date =
      unit === 'd' ? addDays(today, n) : unit === 'w' ? addDays(today, 7 * n) : unit === 'm' ? addMonths(today, n) : addMonths(today, 12 * n);
    // '+8000y' would leave four-digit years (and dayjs) behind: refuse rather than store a garbled date.
    if (!/^\d{4}-/.test(date) || date < '1900') throw refuse();
    return dateOnly(date, options);
  }
  if (/^now$/i.test(text)) return { at: new Date(options.now), hadTime: true, date: today };
  return parsePhrase(text, options, refuse);
}

async function parsePhrase(text: string, options: WhenOptions, refuse: () => UsageError): Promise<When> {
  const chrono = await import('chrono-node');
  const reference = { instant: options.now, timezone: offsetMinutes(options.now, options.zone) };
  const results = chrono.parse(text, reference, { forwardDate: true });
  const result = results[0];
  if (!result || results.length > 1) throw refuse();
  const leftover = (text.slice(0, result.index) + text.slice(result.index + result.text.length)).replace(/[\s,.;]|\bat\b|\bon\b/gi, '');
  if (leftover) throw refuse();
  const start = result.start;
  const date = [start.get('year')!, start.get('month')!, start.get('day')!]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < '1900') throw refuse();
  if (!start.isCertain('hour')) return dateOnly(date, options);
  if (start.isCertain('timezoneOffset')) {
    const at = start.date();
    return { at, hadTime: true, date: localDate(at, options.zone) };
  }
  const time = `${pad(start.get('hour')!)}:${pad(start.get('minute') ?? 0)}`;
  // Rebuild the wall-clock time in the local zone so the offset is the one of that date, not of today.
  const at = zonedInstant(date, time, options.zone);
  if (start.get('second')) at.setUTCSeconds(start.get('second')!);
  return { at, hadTime: true, date };
}

function dateOnly(date: string, options: WhenOptions): When {
  const at = options.dateOnly
    ? zonedInstant(date, options.dateOnly.time, options.dateOnly.zone)
    : zonedInstant(date, '09:00', options.zone);
  return { at, hadTime: false, date };
}

function validDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const probe = new Date(Date.UTC(y!, m! - 1, d!));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m! - 1 && probe.getUTCDate() === d;
}

function normaliseOffset(offset: string): string {
  if (offset.toUpperCase() === 'Z') return 'Z';
  const digits = offset.replace(':', '');
  return `${digits.slice(0, 3)}:${digits.slice(3)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
