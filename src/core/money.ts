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
  /**
   * The decimal separator a bare '1.500' or '1,500' is read with: '.' (default) or ',' as many spreadsheets in
   * Europe and Indonesia write. An amount whose separators say it themselves ('1.500,50', '1,5') needs none.
   */
  decimal?: '.' | ',';
  flag?: string;
}

/**
 * Reads an amount such as 1500, 1500.50, 1,500.50, 1.500,50, 1 500,50, 15k or 1.2m into integer minor units of
 * `currency`. One separator before exactly three digits is a thousands separator only when it is not
 * `options.decimal`: '1.500' in a file of decimal points could be 1500 or 1.5, and is refused.
 * Refuses negative amounts, more decimals than the currency has, and anything else.
 */
const PLAIN = /^(\d+)(?:\.(\d+))?$/;

export function parseAmount(text: string, currency: string, options: AmountOptions = {}): number {
  const decimalHint = options.decimal ?? '.';
  // The common cell of a large file, '1234.50' or '1500': read directly (an import reads 100,000 of them).
  const plain = PLAIN.exec(text);
  if (plain && (plain[2] === undefined || (decimalHint === '.' && plain[2].length !== 3))) {
    const digits = currencyDigits(currency);
    const fraction = plain[2] ?? '';
    if (fraction.length <= digits && plain[1]!.length + digits <= 15) return Number(plain[1]! + fraction.padEnd(digits, '0'));
  }
  const refuse = (why: string) =>
    new UsageError(`cannot read the amount '${text}'${options.flag ? ` for ${options.flag}` : ''}: ${why}`);
  let s = text.trim().replace(/[\s_\u00a0\u202f']/g, '');
  let power = 0;
  const suffix = /([km])$/i.exec(s);
  if (suffix) {
    power = suffix[1]!.toLowerCase() === 'k' ? 3 : 6;
    s = s.slice(0, -1);
  }
  const example = `write a number such as 1500, 1500${decimalHint}50 or 15k`;
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) throw refuse(example);
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  let decimal: '.' | ',' | null;
  if (dots && commas) decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  else if (dots + commas === 0) decimal = null;
  else {
    const sep = dots ? '.' : ',';
    const after = s.length - s.lastIndexOf(sep) - 1;
    if (dots + commas > 1) decimal = null;
    else if (after !== 3) decimal = sep;
    else if (sep !== decimalHint) decimal = null;
    else {
      // '1.500' with decimal points: 1.5 or 1500? Refused when both readings would be accepted.
      const [whole, fraction] = s.split(sep) as [string, string];
      const digits = currencyDigits(currency);
      if (power || whole === '0' || digits >= 3 || !/^0*$/.test(fraction.slice(digits))) decimal = sep;
      else throw refuse(`it could be ${whole}${fraction} or ${whole}${sep}${fraction.replace(/0+$/, '') || '0'}: write ${whole}${fraction} (no separator) or ${whole}${sep}${fraction.slice(0, 2)}`);
    }
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : dots ? '.' : ',';
  const [intPart, fraction = ''] = decimal ? [s.slice(0, s.lastIndexOf(decimal)), s.slice(s.lastIndexOf(decimal) + 1)] : [s, ''];
  if (intPart.includes(decimal === '.' ? '.' : decimal === ',' ? ',' : '\u0000')) throw refuse(example);
  const whole = intPart.includes(group) ? (new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(intPart) ? intPart.split(group).join('') : null) : intPart;
  if (whole === null || !/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) throw refuse(example);
  const digits = currencyDigits(currency);
  const shift = digits + power - fraction.length;
  let minor = BigInt(whole + fraction);
  if (shift >= 0) minor *= 10n ** BigInt(shift);
  else {
    const divisor = 10n ** BigInt(-shift);
    if (minor % divisor !== 0n) throw refuse(`${currency} has at most ${digits} decimal${digits === 1 ? '' : 's'}`);
    minor /= divisor;
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw refuse('the amount is too large');
  return Number(minor);
}

/** Symbols that name one currency. */
const SYMBOLS: Record<string, string> = {
  '€': 'EUR', '£': 'GBP', Rp: 'IDR', 'US$': 'USD', U$S: 'USD', 'A$': 'AUD', 'AU$': 'AUD', 'C$': 'CAD', 'CA$': 'CAD', 'NZ$': 'NZD',
  'S$': 'SGD', 'SG$': 'SGD', 'HK$': 'HKD', 'R$': 'BRL', 'MX$': 'MXN', 'NT$': 'TWD', '₹': 'INR', '₩': 'KRW', '₱': 'PHP', '₫': 'VND',
  '₺': 'TRY', '₪': 'ILS', 'zł': 'PLN', 'Kč': 'CZK', RM: 'MYR', '฿': 'THB', '₦': 'NGN', '₴': 'UAH', '₽': 'RUB', Fr: 'CHF',
};
/** Symbols several currencies write: the currency must be said (--currency, SALESCTL_CURRENCY or a Currency column). */
const AMBIGUOUS: Record<string, string[]> = {
  $: ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'TWD', 'ARS', 'CLP', 'COP', 'UYU', 'BSD', 'BBD', 'BZD', 'BMD', 'FJD', 'JMD', 'LRD', 'NAD', 'SBD', 'SRD', 'TTD', 'XCD', 'GYD', 'KYD', 'BND'],
  '¥': ['JPY', 'CNY'],
  '￥': ['JPY', 'CNY'],
  kr: ['SEK', 'NOK', 'DKK', 'ISK'],
};

/** Where the currency an amount is checked against came from, as messages name it. */
export interface MoneyOptions extends AmountOptions {
  /** The currency said for this amount (a Currency column, --currency, SALESCTL_CURRENCY), if any. */
  currency?: string;
  /** Who said it, for messages: "the column 'Currency'", '--currency', 'SALESCTL_CURRENCY'. */
  currencyFrom?: string;
  /** The currency when nothing says one (USD). */
  fallback?: string;
}

export interface Money {
  minor: number;
  currency: string;
  /** An ambiguous symbol ('$') read as the currency given or the fallback: say so once. */
  readAs?: string;
}

const AMOUNT = /^(?:([^\d\s.,'-][^\d]*?)\s*)?(\d[\d\s.,'\u00a0\u202f_]*?[kKmM]?)\s*(?:([^\d\s.,'][^\d]*?))?$/;

/**
 * Reads an amount with its currency: a code or a symbol before or after the number ('EUR 1.500,50',
 * '1.500,50 €', 'Rp 15.000.000', 'US$ 3,500') decides the currency when it names one; '$', '¥' and 'kr'
 * take the one said (options.currency) or the fallback, and a symbol that contradicts the one said is refused.
 */
export function readMoney(text: string, options: MoneyOptions = {}): Money {
  const refuse = (why: string) => new UsageError(`cannot read the amount '${text}'${options.flag ? ` for ${options.flag}` : ''}: ${why}`);
  // 'Rp 15.000.000,-': the dash says there are no decimals.
  const m = AMOUNT.exec(text.trim().replace(/^\+/, '').replace(/(\d)[.,]-$/, '$1'));
  const pre = m?.[1]?.trim();
  const post = m?.[3]?.trim();
  if (!m || (pre && post)) {
    if (/^-/.test(text.trim())) throw refuse('an amount cannot be negative');
    throw refuse(`write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500`);
  }
  const token = (pre ?? post)?.replace(/\.$/, '');
  const given = options.currency;
  let currency = given ?? options.fallback ?? 'USD';
  let readAs: string | undefined;
  if (token) {
    const named = /^[A-Za-z]{3}$/.test(token) ? checkCurrency(token) : SYMBOLS[token];
    const several = AMBIGUOUS[token] ?? AMBIGUOUS[token.toLowerCase()];
    if (named) {
      if (given && given !== named) throw refuse(`'${token}' is ${named} but ${options.currencyFrom ?? 'the currency'} says ${given}`);
      currency = named;
    } else if (several) {
      if (!several.includes(currency)) {
        throw refuse(
          given
            ? `'${token}' is not ${given}, which ${options.currencyFrom ?? 'the currency'} says`
            : `'${token}' could be ${several.slice(0, 4).join(', ')}${several.length > 4 ? ', …' : ''}: say which with --currency (or SALESCTL_CURRENCY)`,
        );
      }
      if (!given) readAs = `'${token}' read as ${currency} (the default): say another with --currency`;
    } else throw refuse('write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500');
  }
  return { minor: parseAmount(m[2]!, currency, options), currency, readAs };
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
