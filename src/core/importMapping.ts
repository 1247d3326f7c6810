// How the columns of a spreadsheet or a hosted CRM's export map to salesctl's fields. Pure rules, so the
// aliases can be read (and tested) as one table.
import { UsageError } from '../errors.js';

/** The fields an imported column can fill; `ignore` silences a column on purpose. */
const IMPORT_FIELDS = [
  'name', 'first_name', 'last_name', 'company', 'email', 'phone', 'role', 'segment', 'tz', 'channel', 'notes',
  'deal', 'value', 'currency', 'stage', 'next_followup', 'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Header aliases (normalised: lower case, single spaces), as common CRM and spreadsheet exports write them. */
const ALIASES: Record<string, ImportField> = {};
const alias = (field: ImportField, ...headers: string[]) => headers.forEach((h) => (ALIASES[h] = field));
alias('name', 'name', 'full name', 'fullname', 'contact', 'contact name', 'contact person', 'prospect', 'prospect name', 'lead name');
alias('first_name', 'first name', 'firstname', 'given name');
alias('last_name', 'last name', 'lastname', 'surname', 'family name');
alias('company', 'company', 'company name', 'organization', 'organisation', 'organization name', 'organisation name', 'account', 'account name');
alias('email', 'email', 'e-mail', 'email address', 'e-mail address', 'work email');
alias('phone', 'phone', 'phone number', 'telephone', 'mobile', 'mobile phone', 'work phone');
alias('role', 'role', 'job title', 'position');
alias('segment', 'segment', 'industry');
alias('tz', 'tz', 'time zone', 'timezone');
alias('channel', 'channel', 'preferred channel');
alias('notes', 'notes', 'note', 'description');
alias('deal', 'deal', 'deal name', 'deal title', 'title', 'opportunity', 'opportunity name');
alias('value', 'value', 'amount', 'deal value', 'deal amount');
alias('currency', 'currency', 'currency code', 'deal currency');
alias('stage', 'stage', 'deal stage', 'pipeline stage');
alias('next_followup', 'next follow-up', 'next followup', 'next follow up', 'next action date', 'next activity date', 'follow-up date', 'follow up date');

/** 'First_Name ' → 'first name': case, underscores and runs of spaces do not matter. */
export function normaliseHeader(header: string): string {
  return header.replace(/^\ufeff/, '').trim().toLowerCase().replace(/[_\s]+/g, ' ');
}

/** The field a header maps to without flags, or undefined. */
export function fieldForHeader(header: string): ImportField | undefined {
  return ALIASES[normaliseHeader(header)];
}

/** Reads one `--map 'Column Header=field'` (the last '=' splits, so a header may hold '='). */
export function parseMapOption(option: string): { header: string; field: ImportField } {
  const at = option.lastIndexOf('=');
  const header = at > 0 ? option.slice(0, at).trim() : '';
  const field = at > 0 ? option.slice(at + 1).trim().toLowerCase().replace(/[\s-]+/g, '_') : '';
  if (!header || !field) throw new UsageError(`cannot read --map '${option}': write it as 'Column Header=field', e.g. --map 'Client=company'`);
  if (!(IMPORT_FIELDS as readonly string[]).includes(field)) {
    throw new UsageError(`unknown field '${field}' in --map '${option}': use one of ${IMPORT_FIELDS.join(', ')}`);
  }
  return { header, field: field as ImportField };
}

/** Which field each column fills, and the columns nothing maps. */
export interface ColumnMapping {
  /** One entry per column: its field, or null when unmapped or ignored. */
  fields: Array<Exclude<ImportField, 'ignore'> | null>;
  /** Headers of the columns that map to nothing (reported, not silently dropped). */
  unmapped: string[];
}

/**
 * Maps a header row: `--map` options first, then the aliases. Refuses two columns for one field, a --map
 * naming no column, and a file with no name column (a prospect needs a name).
 */
export function mapColumns(headers: string[], maps: string[] = []): ColumnMapping {
  const overrides = new Map<string, ImportField>();
  for (const option of maps) {
    const { header, field } = parseMapOption(option);
    overrides.set(normaliseHeader(header), field);
  }
  const normalised = headers.map(normaliseHeader);
  for (const header of overrides.keys()) {
    if (!normalised.includes(header)) {
      throw new UsageError(`--map names a column '${header}' the file does not have: its columns are ${quoteList(headers)}`);
    }
  }
  const fields: ColumnMapping['fields'] = [];
  const unmapped: string[] = [];
  const taken = new Map<string, string>();
  headers.forEach((header, index) => {
    const field = overrides.get(normalised[index]!) ?? ALIASES[normalised[index]!];
    if (!field) {
      if (header.trim()) unmapped.push(header.trim());
      fields.push(null);
      return;
    }
    if (field === 'ignore') return void fields.push(null);
    const other = taken.get(field);
    if (other !== undefined) {
      throw new UsageError(
        `the columns '${other}' and '${header.trim()}' both map to ${field}: say which one with --map '${header.trim()}=ignore'`,
      );
    }
    taken.set(field, header.trim());
    fields.push(field);
  });
  if (!taken.has('name') && !taken.has('first_name') && !taken.has('last_name')) {
    throw new UsageError(
      `no column holds the prospect's name (Name, Full Name, Contact, or First Name + Last Name): map one with --map 'Column=name'; the columns are ${quoteList(headers)}`,
    );
  }
  if (taken.has('name') && (taken.has('first_name') || taken.has('last_name'))) {
    throw new UsageError(`the file has both a name column and first/last name columns: say which to use with --map '${taken.get('name')}=ignore'`);
  }
  return { fields, unmapped };
}

/** One row as field → trimmed text ('' when empty); First Name + Last Name are joined into name. */
export function readFields(cells: string[], mapping: ColumnMapping): Partial<Record<ImportField, string>> {
  const out: Partial<Record<ImportField, string>> = {};
  mapping.fields.forEach((field, index) => {
    if (field) out[field] = (cells[index] ?? '').trim();
  });
  if (out.first_name !== undefined || out.last_name !== undefined) {
    out.name = [out.first_name, out.last_name].filter(Boolean).join(' ');
  }
  return out;
}

function quoteList(headers: string[]): string {
  return headers.map((h) => `'${h.trim()}'`).join(', ');
}
