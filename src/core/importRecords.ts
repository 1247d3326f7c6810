// One imported row checked and turned into the prospect, deal and next follow-up it stands for. A bad
// value is refused with the line and the column, so the whole import can stop before anything is written.
import { UsageError } from '../errors.js';
import { parseWhen, type DateOrder } from './dates.js';
import { checkCurrency, readMoney } from './money.js';
import { checkZone } from './time.js';
import { MAX_NAME, MAX_TEXT, MAX_TITLE } from './text.js';
import { checkEmail } from './email.js';
import { CHANNELS, type Channel } from './vocab.js';
import type { ColumnMapping, ImportField } from './importMapping.js';
import type { DateOnly } from './bestTime.js';

/** What one row asks salesctl to create. */
export interface ImportRecord {
  line: number;
  prospect: {
    name: string;
    company: string;
    email: string | null;
    phone: string | null;
    role: string | null;
    segment: string | null;
    tz: string | null;
    channel: Channel | null;
    notes: string | null;
  };
  deal: { title: string; value_minor: number | null; currency: string | null; stage: string | null };
  /** The raw next follow-up text; its instant depends on the prospect (see `nextFollowupAt`). */
  nextFollowup: string | null;
}

export interface RowOptions {
  /** The file's name, for messages. */
  file: string;
  headers: string[];
  mapping: ColumnMapping;
  /** Currency of amounts without a currency column or symbol (USD unless said). */
  currency: string;
  /** Who said that currency ('--currency', 'SALESCTL_CURRENCY'); undefined when it is only the default. */
  currencyFrom?: string;
  decimal: '.' | ',';
}


/**
 * Checks each row's cells of one file; throws a UsageError naming the line and the column. Where each
 * field's column is, and how a bad value is named, is worked out once for the file rather than once per row.
 */
export function recordReader(
  options: RowOptions,
): ((cells: string[], line: number) => ImportRecord) & { said: Set<string>; defaulted: { value: boolean } } {
  const said = new Set<string>();
  /** Whether an amount took the default currency: nothing in the file or the flags said one. */
  const defaulted = { value: false };
  const at: Partial<Record<ImportField, number>> = {};
  options.mapping.fields.forEach((field, index) => {
    if (field) at[field] = index;
  });
  const joinName = at.first_name !== undefined || at.last_name !== undefined;
  const column = (field: ImportField) => {
    if (field === 'name' && at.first_name !== undefined) return 'First Name + Last Name';
    const index = options.mapping.fields.indexOf(field as Exclude<ImportField, 'ignore'>);
    return index >= 0 ? options.headers[index]!.trim() : field;
  };
  const refuse = (line: number, field: ImportField, why: string) =>
    new UsageError(`${options.file} line ${line}, column '${column(field)}': ${why}`);
  /** The trimmed cell of a field ('' when empty), undefined when no column holds it. */
  const cell = (cells: string[], field: ImportField): string | undefined => {
    const index = at[field];
    return index === undefined ? undefined : (cells[index] ?? '').trim();
  };
  const nameOf = (cells: string[]): string | undefined => {
    if (!joinName) return cell(cells, 'name');
    return [cell(cells, 'first_name'), cell(cells, 'last_name')].filter(Boolean).join(' ');
  };
  const text = (cells: string[], line: number, field: ImportField, max = MAX_TEXT, value = cell(cells, field)): string | null => {
    if (!value) return null;
    if (value.length > max) throw refuse(line, field, `${value.length} characters long, at most ${max} are allowed`);
    return value;
  };
  const checked = <T>(cells: string[], line: number, field: ImportField, check: (value: string) => T): T | null => {
    const value = cell(cells, field);
    if (!value) return null;
    try {
      return check(value);
    } catch (error) {
      if (error instanceof UsageError) throw refuse(line, field, error.message.replace(/ for --[a-z-]+/, ''));
      throw error;
    }
  };
  const currencyHeader = at.currency !== undefined ? column('currency') : undefined;
  let columnCurrency: string | null = null;
  const amount = (value: string) => {
    const given = columnCurrency ?? (options.currencyFrom ? options.currency : undefined);
    const from = columnCurrency ? `the column '${currencyHeader}'` : options.currencyFrom;
    const money = readMoney(value, { currency: given, currencyFrom: from, fallback: options.currency, decimal: options.decimal });
    if (money.readAs) said.add(money.readAs);
    else if (!given && money.currency === options.currency && !/[^\d\s.,'\u00a0\u202f_kKmM-]/.test(value)) defaulted.value = true;
    return money;
  };
  const extras = options.mapping.extras;

  const read = (cells: string[], line: number): ImportRecord => {
    let name = text(cells, line, 'name', MAX_NAME, nameOf(cells));
    if (!name) throw refuse(line, 'name', "the prospect's name is empty");
    const more: string[] = [];
    // HubSpot's deals name their contact 'Name (email)', several separated by ';'.
    let nameEmail: string | undefined;
    if (name.includes('(')) {
      const people = name.split(/\s*;\s*/);
      const m = /^(.+?)\s*\(([^()\s]+@[^()\s]+)\)$/.exec(people[0]!);
      if (m) {
        name = m[1]!;
        nameEmail = m[2]!;
        if (people.length > 1) more.push(`also: ${people.slice(1).join('; ')}`);
      }
    }
    const company = text(cells, line, 'company', MAX_NAME) ?? '';
    let emails = checked(cells, line, 'email', checkEmails);
    if (!emails && nameEmail) emails = [nameEmail];
    if (emails && emails.length > 1) more.push(`other email: ${emails.slice(1).join(', ')}`);
    const phone = text(cells, line, 'phone') ?? firstExtra(cells, 'phone');
    for (const extra of extras) {
      const value = (cells[extra.index] ?? '').trim();
      if (value && value !== phone && !emails?.includes(value)) more.push(`${extra.header}: ${value}`);
    }
    columnCurrency = checked(cells, line, 'currency', knownCurrency);
    const money = checked(cells, line, 'value', amount);
    const valueMinor = money?.minor ?? null;
    const currency = money?.currency ?? columnCurrency ?? options.currency;
    const notesCell = text(cells, line, 'notes');
    const notes = more.length ? [notesCell, ...more].filter(Boolean).join('\n') : notesCell;
    return {
      line,
      prospect: {
        name,
        company,
        email: emails?.[0] ?? null,
        phone,
        role: text(cells, line, 'role'),
        segment: text(cells, line, 'segment'),
        tz: checked(cells, line, 'tz', knownZone),
        channel: checked(cells, line, 'channel', checkChannel),
        notes,
      },
      deal: {
        title: text(cells, line, 'deal', MAX_TITLE) ?? (company || name),
        value_minor: valueMinor,
        currency: valueMinor !== null || columnCurrency ? currency : null,
        stage: text(cells, line, 'stage', MAX_NAME),
      },
      nextFollowup: cell(cells, 'next_followup') || null,
    };
  };
  /** A phone from a further phone column when the first is empty. */
  const firstExtra = (cells: string[], field: 'phone'): string | null => {
    for (const extra of extras) if (extra.field === field && (cells[extra.index] ?? '').trim()) return (cells[extra.index] ?? '').trim();
    return null;
  };
  return Object.assign(read, { said, defaulted });
}

const ONE_EMAIL = /^[^\s@,;:]+@[^\s@,;:]+$/;

/** One address, or several (Pipedrive's 'a@x.com, b@y.com', Google's 'a@x.com ::: b@y.com'): the first is kept, the others go to notes. */
function checkEmails(value: string): string[] {
  if (ONE_EMAIL.test(value)) return [value];
  const all = value.split(/\s*(?:[,;]|:::)\s*|\s+/).filter(Boolean);
  for (const one of all) checkEmail(one);
  return all;
}

function checkChannel(value: string): Channel {
  const lower = value.toLowerCase();
  if (!(CHANNELS as readonly string[]).includes(lower)) throw new UsageError(`unknown channel '${value}': use one of ${CHANNELS.join(', ')}`);
  return lower as Channel;
}

/** `checkCurrency`, remembered: a file repeats a few codes. */
function knownCurrency(code: string): string {
  let checked = currencies.get(code);
  if (checked === undefined) currencies.set(code, (checked = checkCurrency(code)));
  return checked;
}
const currencies = new Map<string, string>();

/** `checkZone`, remembered: checking a zone builds an Intl formatter, and a file repeats a few zones. */
function knownZone(zone: string): string {
  if (!zones.has(zone)) zones.set(zone, checkZone(zone));
  return zones.get(zone)!;
}
const zones = new Map<string, string>();

/** The key a file's next follow-ups are remembered under: the text and the rule for a date alone. */
export function followupKey(text: string, dateOnly?: DateOnly): string {
  return `${text}\u0000${dateOnly?.time ?? ''}\u0000${dateOnly?.zone ?? ''}`;
}

/**
 * Reads the next follow-up of a record (null when it has none). Reading one goes through the zone rules,
 * and a file repeats the same dates: the caller remembers them by `followupKey`.
 */
export async function nextFollowupAt(
  record: ImportRecord,
  options: { file: string; header: string; now: Date; zone: string; dateOnly?: DateOnly; order?: DateOrder },
): Promise<Date | null> {
  if (!record.nextFollowup) return null;
  try {
    const { at } = await parseWhen(record.nextFollowup, { now: options.now, zone: options.zone, dateOnly: options.dateOnly, order: options.order });
    return at;
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UsageError(`${options.file} line ${record.line}, column '${options.header}': ${error.message}`);
    }
    throw error;
  }
}
