// Money is exact: integer minor units plus an ISO 4217 currency. Parsing never goes through floats.
import { UsageError } from '../errors.js';

let knownCurrencies: Set<string> | undefined;

/** Upper-cases and checks an ISO 4217 code, or throws a UsageError. */
export function checkCurrency(code: string): string {
  const upper = code.trim().toUpperCase();
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (!/^[A-Z]{3}$/.test(upper) || !knownCurrencies.has(upper)) {
    throw new UsageError(`unknown currency '${code}': use an ISO 4217 code such as USD, EUR or IDR`);
  }
  return upper;
}

/**
 * The currencies whose amounts do not have 2 decimals, as ICU (CLDR) formats them. A table rather than
 * Intl.NumberFormat: the first NumberFormat a process builds costs ~15 ms of start-up (ICU locale data),
 * and stored minor units must keep their meaning when a newer node ships newer CLDR data.
 * test/core/currencyDigits.test.ts holds it equal to Intl on the node that runs the tests.
 */
export const CURRENCY_DIGITS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(
    ['AFN', 'ALL', 'BIF', 'CLP', 'COP', 'DJF', 'GNF', 'HUF', 'IDR', 'IQD', 'IRR', 'ISK', 'JPY', 'KMF', 'KPW', 'KRW', 'LAK', 'LBP',
      'MGA', 'MMK', 'PKR', 'PYG', 'RWF', 'SLL', 'SOS', 'SYP', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF', 'YER'].map((c) => [c, 0]),
  ),
  ...Object.fromEntries(['BHD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND'].map((c) => [c, 3])),
};

/** How many decimals the currency has (USD 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  return CURRENCY_DIGITS[currency] ?? 2;
}

export interface AmountOptions {
  /** The decimal separator: '.' (default) or ',' as many spreadsheets in Europe and Indonesia write. */
  decimal?: '.' | ',';
  flag?: string;
}

/**
 * Reads an amount such as 1500, 1500.50, 1,500.50, 15k or 1.2m into integer minor units of `currency`.
 * Refuses negative amounts, more decimals than the currency has, and anything else.
 */
export function parseAmount(text: string, currency: string, options: AmountOptions = {}): number {
  const decimal = options.decimal ?? '.';
  const group = decimal === '.' ? ',' : '.';
  const refuse = (why: string) =>
    new UsageError(`cannot read the amount '${text}'${options.flag ? ` for ${options.flag}` : ''}: ${why}`);
  let s = text.trim().replace(/[\s_\u00a0]/g, '');
  let power = 0;
  const suffix = /([km])$/i.exec(s);
  if (suffix) {
    power = suffix[1]!.toLowerCase() === 'k' ? 3 : 6;
    s = s.slice(0, -1);
  }
  const groupRe = group === ',' ? /^\d{1,3}(,\d{3})+(\.\d+)?$/ : /^\d{1,3}(\.\d{3})+(,\d+)?$/;
  if (groupRe.test(s)) s = s.split(group).join('');
  const plain = decimal === '.' ? /^(\d+)(?:\.(\d+))?$/ : /^(\d+)(?:,(\d+))?$/;
  const match = plain.exec(s);
  if (!match) throw refuse(`write a number such as 1500, 1500${decimal}50 or 15k`);
  const digits = currencyDigits(currency);
  const fraction = match[2] ?? '';
  const shift = digits + power - fraction.length;
  let minor = BigInt(match[1]! + fraction);
  if (shift >= 0) minor *= 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    if (minor % divisor !== 0n) throw refuse(`${currency} has at most ${digits} decimal${digits === 1 ? '' : 's'}`);
    minor /= divisor;
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw refuse('the amount is too large');
  return Number(minor);
}

/** Minor units as a decimal string in major units: 150050 USD → '1500.50'. */
export function toDecimalString(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const s = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Minor units as a number in major units, for JSON: 150050 USD → 1500.5. */
export function toMajor(minor: number, currency: string): number {
  return Number(toDecimalString(minor, currency));
}

/** Minor units for people: '1,500.50 USD'. */
export function formatMoney(minor: number, currency: string): string {
  const [whole, fraction] = toDecimalString(minor, currency).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}${fraction ? `.${fraction}` : ''} ${currency}`;
}
