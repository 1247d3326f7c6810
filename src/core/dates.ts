// Reading the dates a salesperson types: ISO dates and times, '+2w'-style offsets, numeric dates in the
// user's order (dotted dates are day-first; slashed ones follow --date-order, else SALESCTL_DATE_ORDER, else
// the locale, and are refused when still ambiguous), and natural phrases ('tomorrow 10am', 'next tuesday',
// 'tonight', 'eod', 'next business day') through chrono-node's English parser, extended through its own
// parsers and refiners, and loaded only when a phrase needs it.
import { UsageError } from '../errors.js';
import { DATE_ONLY_TIME, type DateOnly } from './bestTime.js';
import { addDays, addPeriod, localDate, MONTHS, offsetMinutes, weekday, zonedInstant, type Period } from './time.js';

export const DATE_EXAMPLES = "2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w";

/** The order of the day and the month in a numeric date: 3/12 is 3 December (dmy) or 12 March (mdy). */
export type DateOrder = 'dmy' | 'mdy';

/**
 * Locales that really write the month first (CLDR short date M/d/yy): the United States and the territories
 * and countries that follow its usage. Every other named locale writes the day first, except the year-first
 * ones (and English Canada, which writes both), where a slashed date stays undecided and is refused when ambiguous.
 */
const MONTH_FIRST = /^(en_(US|PH|AS|GU|MH|FM|PW|UM|VI|MP|PR)|es_(US|PR)|fil(_PH)?|chr_US|haw_US)\b/;
const UNDECIDED = /^(C|POSIX|en_CA|(zh|ja|ko|hu|lt|mn|sv|fa|eu|si)(_|\b))/;

/**
 * The order typed dates follow: --date-order, else SALESCTL_DATE_ORDER, else the locale (LC_ALL, LC_TIME,
 * LANG, the first one set, as POSIX). Undefined when none decides (C, POSIX, a year-first locale).
 */
export function decideDateOrder(flag: string | undefined, env: Record<string, string | undefined>): { order?: DateOrder; from?: 'flag' | 'env' | 'locale' } {
  if (flag) return { order: checkDateOrder(flag, '--date-order'), from: 'flag' };
  if (env.SALESCTL_DATE_ORDER) return { order: checkDateOrder(env.SALESCTL_DATE_ORDER, 'SALESCTL_DATE_ORDER'), from: 'env' };
  const locale = env.LC_ALL || env.LC_TIME || env.LANG;
  if (!locale || UNDECIDED.test(locale)) return {};
  return { order: MONTH_FIRST.test(locale) ? 'mdy' : 'dmy', from: 'locale' };
}

function checkDateOrder(value: string, where: string): DateOrder {
  const order = value.trim().toLowerCase();
  if (order !== 'dmy' && order !== 'mdy') throw new UsageError(`unknown date order '${value}' for ${where}: use dmy (3/12 is 3 December) or mdy (3/12 is 12 March)`);
  return order;
}

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
  /** Where a date without a time lands (core/bestTime.ts dateOnlyRule); without it, DATE_ONLY_TIME in `zone`. */
  dateOnly?: DateOnly;
  /** The flag being read, for the error message. */
  flag?: string;
  /** How a slashed date is read; without it an ambiguous one (5/12) is refused. */
  order?: DateOrder;
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
    const date = addPeriod(today, n, unit as Period);
    // '+8000y' would leave four-digit years (and dayjs) behind: refuse rather than store a garbled date.
    if (!/^\d{4}-/.test(date) || date < '1900') throw refuse();
    return dateOnly(date, options);
  }
  if (/^now$/i.test(text)) return { at: new Date(options.now), hadTime: true, date: today };
  const numeric = readNumericDate(text, options.order, today);
  if (numeric) {
    if ('problem' in numeric) throw new UsageError(`${numeric.problem}${options.flag ? ` for ${options.flag}` : ''}: ${numeric.fix}`);
    if (!numeric.time) return dateOnly(numeric.date, options);
    const at = zonedInstant(numeric.date, numeric.time, options.zone);
    return { at, hadTime: true, date: numeric.date };
  }
  // A numeric date anywhere else in a phrase is not left to chrono's own (month-first) reading.
  if (/\d\s*[/.-]\s*\d+\s*[/.-]|\d+\/\d+/.test(text)) throw refuse();
  return parsePhrase(text, options, refuse);
}

/** A numeric date (and an optional time after it) read for certain, or why not. */
export type NumericDate = { date: string; time?: string } | { problem: string; fix: string };

const NUMERIC = /^(\d{1,4})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(\.?)(?:(?:\s*,\s*|\s+at\s+|\s*T\s*|\s+)(.+))?$/i;
const TIME = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?$/i;

/**
 * Reads '03.12.2026', '3.12.', '5/12', '12/5/2026 2:30 PM', '2026/12/03', '03-12-2026 14:00'; undefined when
 * the text is not a numeric date (then it is a phrase, or '10.30', a time). Dotted dates are day-first;
 * slashed and dashed ones follow `order`, or their own evidence (a first part over 12 can only be a day).
 */
export function readNumericDate(text: string, order: DateOrder | undefined, today: string): NumericDate | undefined {
  const m = NUMERIC.exec(text.trim());
  if (!m) return undefined;
  const [, p1, sep, p2, p3, trailingDot, rest] = m as unknown as [string, string, string, string, string | undefined, string, string | undefined];
  // '10.30' is a time, not a date: a dotted date needs its year or a closing dot ('3.12.').
  if (sep === '.' && !p3 && !trailingDot) return undefined;
  if (sep === '-' && !p3) return undefined;
  let year: number | undefined;
  let month: number;
  let day: number;
  const bad = { problem: `cannot read the date '${text}'`, fix: `try ${DATE_EXAMPLES}` };
  if (p1.length === 4) {
    if (!p3 || sep === '.') return bad;
    [year, month, day] = [Number(p1), Number(p2), Number(p3)];
  } else {
    if (p1.length === 3) return bad;
    const a = Number(p1);
    const b = Number(p2);
    let chosen: DateOrder | undefined = sep === '.' ? 'dmy' : order;
    if (!chosen) {
      if (a > 12 && b <= 12) chosen = 'dmy';
      else if (b > 12 && a <= 12) chosen = 'mdy';
      else if (a === b) chosen = 'dmy';
      else {
        return {
          problem: `the date '${text}' could be ${a} ${MONTHS[b - 1] ?? '?'} or ${b} ${MONTHS[a - 1] ?? '?'}`,
          fix: 'say which with --date-order dmy|mdy (or SALESCTL_DATE_ORDER), or write it as YYYY-MM-DD',
        };
      }
    }
    [day, month] = chosen === 'dmy' ? [a, b] : [b, a];
    if (p3) year = p3.length === 2 ? 2000 + Number(p3) : Number(p3);
    if (month > 12 && sep !== '.') {
      return { problem: `the date '${text}' has no month ${month}`, fix: `it reads ${chosen === 'dmy' ? 'day/month' : 'month/day'} (--date-order ${chosen}); write it as YYYY-MM-DD` };
    }
  }
  let date: string;
  if (year === undefined) {
    // No year: the next such day from today on, as chrono's forwardDate.
    const [ty] = today.split('-').map(Number);
    date = `${ty}-${pad(month)}-${pad(day)}`;
    if (validDate(date) && date < today) date = `${ty! + 1}-${pad(month)}-${pad(day)}`;
  } else date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  if (!validDate(date)) return bad;
  if (!rest) return { date };
  const t = TIME.exec(rest.trim());
  if (!t || (t[2] === undefined && !t[4])) return bad;
  let hour = Number(t[1]);
  const minute = Number(t[2] ?? 0);
  if (t[4]) {
    if (hour < 1 || hour > 12) return bad;
    hour = (hour % 12) + (t[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || Number(t[3] ?? 0) > 59) return bad;
  return { date, time: `${pad(hour)}:${pad(minute)}` };
}

async function parsePhrase(text: string, options: WhenOptions, refuse: () => UsageError): Promise<When> {
  // The English part of chrono only: the whole package loads every locale it knows (~3x the code).
  const en = await import('chrono-node/en');
  const reference = { instant: options.now, timezone: offsetMinutes(options.now, options.zone) };
  const today = localDate(options.now, options.zone);
  const results = salesChrono(en, today).parse(text, reference, { forwardDate: true });
  const result = results[0];
  if (!result || results.length > 1) throw refuse();
  const leftover = (text.slice(0, result.index) + text.slice(result.index + result.text.length)).replace(/[\s,.;]|\bat\b|\bon\b|\bby\b/gi, '');
  if (leftover) throw refuse();
  if (VAGUE.test(result.text)) throw refuse();
  const start = result.start;
  // A phrase that names neither a day nor a time ('next week', 'this month', 'soon') is refused, not guessed.
  if (!start.isCertain('day') && !start.isCertain('weekday') && !start.isCertain('hour')) throw refuse();
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

type ChronoEn = typeof import('chrono-node/en');
type Components = { year: number; month: number; day: number; hour?: number; minute?: number };

/** Periods rather than days: chrono picks a day in them ('next week' is a week from today), a guess. */
const VAGUE = /^(?:(?:next|this|coming)\s+)?(?:week|weekend|month|quarter|year)$/i;

/** When a part of the day is named without a clock time: 'tonight' and 'this evening' are 19:00. */
const PART_OF_DAY: Array<[RegExp, number]> = [
  [/\b(tonight|evening|night)\b/i, 19],
  [/\bafternoon\b/i, 14],
  [/\bmorning\b/i, 9],
];

/**
 * chrono's casual English parser, cloned, with the phrases salespeople write added through its own extension
 * points: parsers for 'eod'/'end of day' (17:00), 'end of week' (Friday 17:00), 'next business day'
 * (skipping Saturday and Sunday) and '10.30' as a time, and a refiner that gives a named part of the day
 * its hour ('tomorrow evening' 19:00) where chrono only implies one.
 */
function salesChrono(en: ChronoEn, today: string) {
  const chrono = en.casual.clone();
  // '3 days ago' is never when to follow up: without that parser such a phrase is refused, and a phrase costs one
  // large case-insensitive regular expression less to compile (chrono compiles every parser's on each first parse).
  chrono.parsers = chrono.parsers.filter((parser) => parser.constructor.name !== 'ENTimeUnitAgoFormatParser');
  const day = (date: string, hour?: number): Components => {
    const [year, month, d] = date.split('-').map(Number) as [number, number, number];
    return hour === undefined ? { year, month, day: d } : { year, month, day: d, hour, minute: 0 };
  };
  chrono.parsers.unshift(
    {
      pattern: () => /\b(?:eod|end\s+of\s+(?:the\s+)?(?:business\s+|work(?:ing)?\s+)?day|close\s+of\s+business|cob)\b/i,
      extract: () => day(today, 17),
    },
    {
      pattern: () => /\b(?:eow|end\s+of\s+(?:the\s+|this\s+)?(?:work(?:ing)?\s+)?week)\b/i,
      // The Friday of this week (of next week on a Saturday or Sunday).
      extract: () => day(addDays(today, (5 - weekday(today) + 7) % 7), 17),
    },
    {
      pattern: () => /\bnext\s+(?:business|working|work)\s+day\b/i,
      extract: () => {
        let next = addDays(today, 1);
        while (weekday(next) === 0 || weekday(next) === 6) next = addDays(next, 1);
        return day(next);
      },
    },
    {
      // '10.30' (and '10.30pm'): a time as much of Europe and Asia writes it. chrono reads only '10:30'.
      pattern: () => /(?<![\d.,/])([01]?\d|2[0-3])\.([0-5]\d)(?:\s*([ap])\.?m\.?)?(?![\d.,/])/i,
      extract: (context, match) => {
        let hour = Number(match[1]);
        if (match[3]) {
          if (hour < 1 || hour > 12) return null;
          hour = (hour % 12) + (match[3].toLowerCase() === 'p' ? 12 : 0);
        }
        const result = context.createParsingResult(match.index!, match[0], { hour, minute: Number(match[2]) });
        dottedTimes.add(result);
        return result;
      },
    },
  );
  // chrono's filter of unlikely formats drops any result that looks like a decimal number ('10.30'): it keeps
  // the times the parser above read.
  const dottedTimes = new WeakSet<object>();
  chrono.refiners = chrono.refiners.map((refiner) =>
    /UnlikelyFormatFilter$/.test(refiner.constructor.name)
      ? { refine: (context, results) => { const kept = new Set(refiner.refine(context, results)); return results.filter((r) => kept.has(r) || dottedTimes.has(r)); } }
      : refiner,
  );
  chrono.refiners.push({
    refine: (_context, results) =>
      results.filter((result) => {
        if (result.start.isCertain('hour')) return true;
        const part = PART_OF_DAY.find(([re]) => re.test(result.text));
        if (!part) return true;
        const [year, month, d] = today.split('-').map(Number) as [number, number, number];
        // 'this morning' and 'tonight' are today (chrono may have moved an implied 06:00 to tomorrow already);
        // a part of the day with no day at all ('evening') is refused: today's or tomorrow's?
        if (/\b(this|tonight|today)\b/i.test(result.text)) {
          result.start.assign('year', year);
          result.start.assign('month', month);
          result.start.assign('day', d);
        } else if (!result.start.isCertain('day') && !result.start.isCertain('weekday')) return false;
        result.start.assign('hour', part[1]);
        result.start.assign('minute', 0);
        return true;
      }),
  });
  return chrono;
}

function dateOnly(date: string, options: WhenOptions): When {
  const at = options.dateOnly
    ? zonedInstant(date, options.dateOnly.time, options.dateOnly.zone)
    : zonedInstant(date, DATE_ONLY_TIME, options.zone);
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

const SLASHED = /^(\d{1,2})[/-](\d{1,2})(?:[/-]\d{2,4})?(?!\d)/;

/**
 * How a column of slashed dates is read, decided by the column as a whole: a value that can only be
 * day-first (25/12) makes it day-first, one that can only be month-first (12/25) month-first; `given`
 * (--date-order) must agree with them. A column still ambiguous (5/12 and nothing else) is a problem, as is a
 * column with both. `evidence` is the index of the value that decided, when the column decided itself.
 */
export function columnDateOrder(
  values: ReadonlyArray<string | null>,
  given?: DateOrder,
): { order?: DateOrder; evidence?: number } | { problem: (line: (index: number) => number) => string } {
  let dmy: number | undefined;
  let mdy: number | undefined;
  let ambiguous: number | undefined;
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const m = SLASHED.exec(value.trim());
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dmy ??= i;
    else if (b > 12 && a <= 12) mdy ??= i;
    else if (a !== b && a <= 12 && b <= 12) ambiguous ??= i;
  }
  const q = (i: number) => `'${values[i]}'`;
  if (dmy !== undefined && mdy !== undefined) {
    return { problem: (line) => `${q(dmy!)} (line ${line(dmy!)}) is day-first but ${q(mdy!)} (line ${line(mdy!)}) month-first: write the dates as 2026-12-03` };
  }
  const found: DateOrder | undefined = dmy !== undefined ? 'dmy' : mdy !== undefined ? 'mdy' : undefined;
  if (given) {
    const against = given === 'dmy' ? mdy : dmy;
    if (against !== undefined) {
      return { problem: (line) => `${q(against)} (line ${line(against)}) cannot be ${given === 'dmy' ? 'day-first' : 'month-first'} as --date-order ${given} says: use --date-order ${found}` };
    }
    return { order: given };
  }
  if (found) return { order: found, evidence: found === 'dmy' ? dmy : mdy };
  if (ambiguous !== undefined) {
    return {
      problem: (line) =>
        `dates such as ${q(ambiguous!)} (line ${line(ambiguous!)}) could be day-first or month-first and no date in the column says which: say --date-order dmy|mdy`,
    };
  }
  return {};
}
