// How the columns of a spreadsheet or a hosted CRM's export map to salesctl's fields. Pure rules, so the
// aliases can be read (and tested) as one table.
import { UsageError } from '../errors.js';

/** The fields an imported column can fill; `ignore` silences a column on purpose. */
export const IMPORT_FIELDS = [
  'name', 'first_name', 'last_name', 'company', 'email', 'phone', 'role', 'segment', 'tz', 'channel', 'notes',
  'deal', 'value', 'currency', 'stage', 'next_followup', 'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * Header aliases (normalised: lower case, single spaces), as CRM, address-book and spreadsheet exports write
 * them: HubSpot (contacts, deals), Pipedrive ('Deal - Title', 'Person - Email'), Salesforce reports
 * ('Opportunity Name', 'Amount Currency'), Google Contacts (old and new), Outlook, LinkedIn Connections, and
 * spreadsheets headed in English, German, French and Indonesian.
 */
const ALIASES: Record<string, ImportField> = {};
const alias = (field: ImportField, ...headers: string[]) => headers.forEach((h) => (ALIASES[h] = field));
alias('name', 'name', 'full name', 'fullname', 'contact', 'contact name', 'contact person', 'prospect', 'prospect name', 'lead name',
  'deal - contact person', 'person - name', 'associated contact', 'nama', 'nama lengkap', 'nama kontak', 'ansprechpartner', 'kontaktperson', 'nom complet', 'contact principal');
alias('first_name', 'first name', 'firstname', 'given name', 'vorname', 'prénom', 'prenom', 'nama depan', 'person - first name');
alias('last_name', 'last name', 'lastname', 'surname', 'family name', 'nachname', 'nom de famille', 'nama belakang', 'person - last name');
alias('company', 'company', 'company name', 'organization', 'organisation', 'organization name', 'organisation name', 'account', 'account name',
  'organization 1 - name', 'deal - organization', 'person - organization', 'organization - name', 'associated company', 'firma', 'unternehmen',
  'société', 'societe', 'entreprise', 'perusahaan', 'nama perusahaan');
alias('email', 'email', 'e-mail', 'email address', 'e-mail address', 'work email', 'e-mail 1 - value', 'person - email', 'e-mail-adresse',
  'courriel', 'adresse e-mail', 'alamat email', 'e-mail 2 address', 'e-mail 2 - value');
alias('phone', 'phone', 'phone number', 'telephone', 'mobile', 'mobile phone', 'work phone', 'business phone', 'phone 1 - value', 'person - phone',
  'telefon', 'téléphone', 'telepon', 'no. hp', 'no hp', 'nomor telepon', 'handynummer', 'phone 2 - value');
alias('role', 'role', 'job title', 'position', 'organization title', 'organization 1 - title', 'person - job title', 'jabatan', 'poste', 'fonction', 'funktion', 'berufsbezeichnung');
alias('segment', 'segment', 'industry', 'branche', 'secteur', 'industri', 'organization - industry');
alias('tz', 'tz', 'time zone', 'timezone', 'zeitzone', 'fuseau horaire', 'zona waktu');
alias('channel', 'channel', 'preferred channel', 'kanal', 'canal', 'saluran');
alias('notes', 'notes', 'note', 'description', 'notiz', 'notizen', 'bemerkung', 'catatan', 'remarques', 'deal - notes');
alias('deal', 'deal', 'deal name', 'deal title', 'title', 'opportunity', 'opportunity name', 'deal - title', 'judul', 'judul deal', 'titel', 'affaire', 'opportunité');
alias('value', 'value', 'amount', 'deal value', 'deal amount', 'deal - value', 'nilai', 'nilai deal', 'betrag', 'wert', 'montant', 'opportunity amount');
alias('currency', 'currency', 'currency code', 'deal currency', 'deal - currency', 'amount currency', 'opportunity currency', 'währung', 'waehrung', 'devise', 'mata uang');
alias('stage', 'stage', 'deal stage', 'pipeline stage', 'deal - stage', 'phase', 'tahap', 'étape');
alias('next_followup', 'next follow-up', 'next followup', 'next follow up', 'next action date', 'next activity date', 'follow-up date', 'follow up date',
  'deal - next activity date', 'person - next activity date', 'nächster kontakt', 'wiedervorlage', 'prochaine relance', 'tindak lanjut', 'tanggal tindak lanjut');

/** Fields several columns may fill (Outlook's Business Phone and Mobile Phone): the first with a value wins, the others go to notes. */
const MANY: ReadonlySet<ImportField> = new Set(['email', 'phone']);

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
  /** Further email and phone columns: their values go to the prospect's notes. */
  extras: Array<{ index: number; field: 'email' | 'phone'; header: string }>;
  /** How a column was read where its header alone could mean something else, said to the user. */
  notes: string[];
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
  const extras: ColumnMapping['extras'] = [];
  const notes: string[] = [];
  const taken = new Map<string, string>();
  const has = (...names: string[]) => names.some((n) => normalised.includes(n));
  const hasNameColumn = headers.some((_, i) => (overrides.get(normalised[i]!) ?? ALIASES[normalised[i]!]) === 'name');
  headers.forEach((header, index) => {
    let field = overrides.get(normalised[index]!) ?? ALIASES[normalised[index]!];
    if (!overrides.has(normalised[index]!)) {
      // 'Title' is a deal's title in a deals file, a courtesy title (Mr., Ms.) beside Outlook's 'Job Title',
      // and the person's job title in a contacts file (Salesforce contact reports).
      if (normalised[index] === 'title') {
        if (has('job title')) {
          field = 'ignore';
          notes.push(`'${header.trim()}' is a courtesy title (Mr., Ms.) beside 'Job Title': not imported (keep it with --map '${header.trim()}=notes')`);
        } else if (
          has('deal name', 'opportunity name', 'deal - title', 'deal', 'opportunity') ||
          (!has('amount', 'value', 'stage', 'deal stage', 'deal value') && (has('first name', 'last name') || hasNameColumn))
        ) {
          field = 'role';
          notes.push(`'${header.trim()}' read as the person's job title (say --map '${header.trim()}=deal' if it is the deal)`);
        }
      }
      // Both a full name and its parts (old Google Contacts): the full name is kept.
      if ((field === 'first_name' || field === 'last_name') && hasNameColumn) {
        field = 'ignore';
        notes.push(`'${header.trim()}' not imported: the full name column is used`);
      }
    }
    if (!field) {
      if (header.trim()) unmapped.push(header.trim());
      fields.push(null);
      return;
    }
    if (field === 'ignore') return void fields.push(null);
    const other = taken.get(field);
    if (other !== undefined && MANY.has(field) && !overrides.has(normalised[index]!)) {
      extras.push({ index, field: field as 'email' | 'phone', header: header.trim() });
      return void fields.push(null);
    }
    if (other !== undefined) {
      throw new UsageError(
        `the columns '${other}' and '${header.trim()}' both map to ${field}: say which one with --map '${header.trim()}=ignore'`,
      );
    }
    taken.set(field, header.trim());
    fields.push(field);
  });
  if (!taken.has('name') && !taken.has('first_name') && !taken.has('last_name') && taken.has('company')) {
    throw new UsageError(
      `the file lists organisations but no people (no Name, Person - Name or First Name column): import the people export (Pipedrive: Persons), or map a column of people with --map 'Column=name'`,
    );
  }
  if (!taken.has('name') && !taken.has('first_name') && !taken.has('last_name')) {
    throw new UsageError(
      `no column holds the prospect's name (Name, Full Name, Contact, or First Name + Last Name): map one with --map 'Column=name'; the columns are ${quoteList(headers)}`,
    );
  }
  if (taken.has('name') && (taken.has('first_name') || taken.has('last_name'))) {
    throw new UsageError(`the file has both a name column and first/last name columns: say which to use with --map '${taken.get('name')}=ignore'`);
  }
  return { fields, unmapped, extras, notes };
}

function quoteList(headers: string[]): string {
  return headers.map((h) => `'${h.trim()}'`).join(', ');
}
