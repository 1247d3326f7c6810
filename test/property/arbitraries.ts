// fast-check generators shared by the fast property tests (test/property) and the long ones (test/long).
import fc from 'fast-check';
import { ExitError } from '../../src/errors.js';
import { CHANNELS, COMMITMENT_KINDS, OUTCOMES, POSTMORTEM_OUTCOMES, PURPOSES, ROOT_CAUSE_NAMES } from '../../src/core/vocab.js';

export const ZONES = [
  'UTC', 'America/New_York', 'Asia/Jakarta', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'Europe/London',
  'America/Sao_Paulo', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'Africa/Casablanca',
] as const;

export const zone = fc.constantFrom(...ZONES);
/** An instant between 2000 and 2100. */
export const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

const junkText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', '0', '-1', '1e9', 'NaN', 'null', "'", '"', '\\', '%', '\u001b[2J', '\u0000', '🚀', '2026-02-30', '25:00'),
);

/** Dates as people type them, mostly plausible, often wrong. */
export const datePhrase = fc.oneof(
  junkText,
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.constantFrom('', 'Z', '+07:00', '-0330', '+14:00', ' ', 'T')).map(
    ([y, m, d, h, min, tail]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}${tail}`,
  ),
  fc.tuple(fc.constantFrom('+', '-', ''), fc.integer({ min: 0, max: 99999 }), fc.constantFrom('h', 'd', 'w', 'm', 'y', 'days', 'weeks', 'x', '')).map(([s, n, u]) => `${s}${n}${u}`),
  fc.tuple(
    fc.constantFrom('tomorrow', 'today', 'next tuesday', 'in 3 days', 'friday', 'monday', 'now', 'yesterday', 'next month', 'tonight', 'noon'),
    fc.constantFrom('', ' 10am', ' at 14:30', ' 9', ' 23:59', ' 24:00', ' 12pm', ' at noon', ' 3 pm UTC', ' and friday'),
  ).map(([a, b]) => a + b),
);

export const amountText = fc.oneof(
  junkText,
  fc.bigInt({ min: 0n, max: 10n ** 18n }).map(String),
  fc.tuple(fc.nat(), fc.nat({ max: 9999 }), fc.constantFrom('', 'k', 'm', 'K', 'M', 'b')).map(([a, b, s]) => `${a}.${b}${s}`),
  fc.tuple(fc.nat({ max: 999 }), fc.array(fc.nat({ max: 999 }).map((n) => String(n).padStart(3, '0')), { maxLength: 5 })).map(([a, g]) => [a, ...g].join(',')),
);

export const windowText = fc.oneof(
  junkText,
  fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 70 }), fc.nat({ max: 30 }), fc.nat({ max: 70 }), fc.constantFrom('-', '–', ' - ', '—', '')).map(
    ([a, b, c, d, sep]) => `${a}:${String(b).padStart(2, '0')}${sep}${c}:${String(d).padStart(2, '0')}`,
  ),
);

export const zoneText = fc.oneof(junkText, zone, fc.constantFrom('utc', 'GMT', 'Etc/GMT+5', 'Mars/Olympus', 'Asia/Jakarta ', 'EST', '+07:00', '../../etc/passwd'));

/** Asserts `error` is a UsageError (exit 2) with a message. */
export function expectUsageLine(error: unknown): void {
  // (the message may echo a newline the user typed: main.ts escapes it, which the argv tests check)
  if (!(error instanceof ExitError) || error.exitCode !== 2 || !error.message) {
    throw new Error(`expected a UsageError, got ${String((error as Error)?.stack ?? error)}`);
  }
}

const FLAGS = [
  '--json', '--csv', '--debug', '--no-color', '--help', '--company', '--deal', '--value', '--currency', '--email', '--phone', '--role',
  '--decision-maker', '--no-decision-maker', '--segment', '--tz', '--best-time', '--channel', '--stage', '--note', '--from', '--by',
  '--payment', '--supersede', '--at', '--purpose', '--closure', '--agreed', '--outcome', '--next', '--next-channel', '--next-purpose',
  '--until', '--what', '--assumption', '--cause', '--reviewer', '--feedback', '--lesson', '--status', '--search', '--tag', '--revisit',
  '--reason', '--prospect', '--format', '--map', '--dry-run', '--out', '--nope', '-x', '--',
];
const COMMANDS = [
  ['add'], ['commit'], ['commit', 'kept'], ['commit', 'broken'], ['followup'], ['followup', 'done'], ['followup', 'reschedule'],
  ['followup', 'cancel'], ['due'], ['postmortem'], ['postmortem', 'report'], ['list'], ['show'], ['log'], ['close'], ['forecast'],
  ['stats', 'reach'], ['export'], ['import'], ['backup'], ['doctor'], ['frobnicate'], [],
];
const VALUES = [
  '1', '2', '3', '#1', '0', '-1', '999999', 'Budi', 'PT Maju', 'budi', 'maju', 'firm', 'low', 'delegate', 'kept', 'won', 'lost', 'not-now',
  'open', 'all', 'tomorrow 10am', '+2w', '2026-12-01', 'yesterday', '15k', '1,500.50', 'IDR', 'USD', 'XXX', 'Asia/Jakarta', 'Nowhere/Zone',
  '10:00-12:00', '12:00-10:00', 'call', 'email', 'closure', 'reached', 'dp', 'full', 'price', 'timing', 'deals', 'followups', 'csv', 'ics',
  'json', ...CHANNELS, ...PURPOSES, ...OUTCOMES, ...COMMITMENT_KINDS, ...POSTMORTEM_OUTCOMES, ...ROOT_CAUSE_NAMES.slice(0, 3),
];

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FLAGS) },
  { weight: 4, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 2, arbitrary: fc.oneof(junkText, datePhrase, amountText).filter((s) => s !== '-') },
);

/** A whole argument vector: a command, then a jumble of flags, known values and junk. */
export const argv = fc.tuple(fc.constantFrom(...COMMANDS), fc.array(token, { maxLength: 8 })).map(([command, rest]) => [...command, ...rest]);

/**
 * Checks one run's outcome against the standards: exit 0-4; on failure the error is one `salesctl:` line
 * (indented candidate lines may follow; hints and warnings may precede); no stack
 * trace unless --debug. Returns a description of what is wrong, or ''.
 */
export function judge(args: string[], run: { code: number; stdout: string; stderr: string }): string {
  if (!Number.isInteger(run.code) || run.code < 0 || run.code > 4) return `exit ${run.code}`;
  const debug = args.includes('--debug');
  if (!debug && /^\s+at /m.test(run.stderr)) return 'a stack trace without --debug';
  if (!debug && /^salesctl: internal error/m.test(run.stderr)) return 'an internal error';
  if (run.code === 0) return '';
  const lines = run.stderr.split('\n').filter(Boolean).filter((l) => !l.startsWith('hint: ') && !l.startsWith('warning: '));
  if (debug) return lines.length >= 1 ? '' : 'no error line';
  const [first, ...more] = lines;
  if (!first || !/^salesctl: /.test(first)) return `the error line is ${JSON.stringify(first)}`;
  const stray = more.filter((l) => !l.startsWith('  '));
  return stray.length ? `more than one error line: ${JSON.stringify(lines)}` : '';
}
