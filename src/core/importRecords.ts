// One imported row checked and turned into the prospect, deal and next follow-up it stands for. A bad
// value is refused with the line and the column, so the whole import can stop before anything is written.
import { UsageError } from '../errors.js';
import { parseWhen } from './dates.js';
import { checkCurrency, parseAmount } from './money.js';
import { checkZone } from './time.js';
import { CHANNELS, type Channel } from './vocab.js';
import { readFields, type ColumnMapping, type ImportField } from './importMapping.js';

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
  /** Currency of amounts without a currency column. */
  currency: string;
  decimal: '.' | ',';
}

const MAX_NAME = 200;
const MAX_TEXT = 10_000;

/** Checks one row's cells; throws a UsageError naming the line and the column. */
export function readRecord(cells: string[], line: number, options: RowOptions): ImportRecord {
  const fields = readFields(cells, options.mapping);
  const column = (field: ImportField) => {
    if (field === 'name' && fields.first_name !== undefined) return 'First Name + Last Name';
    const index = options.mapping.fields.indexOf(field as Exclude<ImportField, 'ignore'>);
    return index >= 0 ? options.headers[index]!.trim() : field;
  };
  const refuse = (field: ImportField, why: string) =>
    new UsageError(`${options.file} line ${line}, column '${column(field)}': ${why}`);
  const text = (field: ImportField, max = MAX_TEXT): string | null => {
    const value = fields[field];
    if (!value) return null;
    if (value.length > max) throw refuse(field, `${value.length} characters long, at most ${max} are allowed`);
    return value;
  };
  const checked = <T>(field: ImportField, check: (value: string) => T): T | null => {
    const value = fields[field];
    if (!value) return null;
    try {
      return check(value);
    } catch (error) {
      if (error instanceof UsageError) throw refuse(field, error.message.replace(/ for --[a-z-]+/, ''));
      throw error;
    }
  };

  const name = text('name', MAX_NAME);
  if (!name) throw refuse('name', "the prospect's name is empty");
  const company = text('company', MAX_NAME) ?? '';
  const email = checked('email', (value) => {
    if (!/^[^\s@]+@[^\s@]+$/.test(value)) throw new UsageError(`'${value}' is not an email address: use e.g. budi@example.com`);
    return value;
  });
  const currency = checked('currency', checkCurrency) ?? options.currency;
  const valueMinor = checked('value', (value) => parseAmount(stripCurrencySymbol(value), currency, { decimal: options.decimal }));
  return {
    line,
    prospect: {
      name,
      company,
      email,
      phone: text('phone'),
      role: text('role'),
      segment: text('segment'),
      tz: checked('tz', knownZone),
      channel: checked('channel', (value) => {
        const lower = value.toLowerCase();
        if (!(CHANNELS as readonly string[]).includes(lower)) throw new UsageError(`unknown channel '${value}': use one of ${CHANNELS.join(', ')}`);
        return lower as Channel;
      }),
      notes: text('notes'),
    },
    deal: {
      title: text('deal', 500) ?? (company || name),
      value_minor: valueMinor,
      currency: valueMinor !== null || fields.currency ? currency : null,
      stage: text('stage', MAX_NAME),
    },
    nextFollowup: fields.next_followup || null,
  };
}

/** `checkZone`, remembered: checking a zone builds an Intl formatter, and a file repeats a few zones. */
function knownZone(zone: string): string {
  if (!zones.has(zone)) zones.set(zone, checkZone(zone));
  return zones.get(zone)!;
}
const zones = new Map<string, string>();

/** '$1,500.00' and '1 500,00 €' are read as amounts: a leading or trailing currency symbol is dropped. */
function stripCurrencySymbol(value: string): string {
  return value.replace(/^[$€£¥₹]\s*/, '').replace(/\s*[$€£¥₹]$/, '');
}

/** Where a date without a time lands for this prospect: their best-time window, else 09:00 local. */
export interface DateOnlyRule {
  time: string;
  zone: string;
}

/**
 * Reads the next follow-up of a record; `cache` keeps the instants already read (a file repeats the same
 * dates, and reading one goes through the zone rules).
 */
export async function nextFollowupAt(
  record: ImportRecord,
  options: { file: string; header: string; now: Date; zone: string; dateOnly?: DateOnlyRule },
  cache: Map<string, Date>,
): Promise<Date | null> {
  if (!record.nextFollowup) return null;
  const key = `${record.nextFollowup}\u0000${options.dateOnly?.time ?? ''}\u0000${options.dateOnly?.zone ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  try {
    const { at } = await parseWhen(record.nextFollowup, { now: options.now, zone: options.zone, dateOnly: options.dateOnly });
    cache.set(key, at);
    return at;
  } catch (error) {
    if (error instanceof UsageError) {
      throw new UsageError(`${options.file} line ${record.line}, column '${options.header}': ${error.message}`);
    }
    throw error;
  }
}
