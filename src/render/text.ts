// Shared helpers for what people read: escaping stored text, colour, tables on a terminal, TSV in a pipe.
import { Chalk } from 'chalk';
import Table from 'cli-table3';

/** How output is being shown. */
export interface View {
  isTTY: boolean;
  color: boolean;
  now: Date;
  zone: string;
  /** The terminal's width in columns, when known (a terminal; 80 if not given). */
  width?: number;
}

/** The colours salesctl uses; each joins its arguments with spaces, as chalk does. */
export type Paint = Record<'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan', (...text: unknown[]) => string>;

const plain = (...text: unknown[]): string => text.join(' ');
const PLAIN: Paint = { bold: plain, dim: plain, red: plain, green: plain, yellow: plain, cyan: plain };

/**
 * Colours when colour is wanted, else the text as it is. chalk is reached only for colour: in the bundle
 * it loads on first use (scripts/build.mjs), so a pipe never builds its styles (about 0.7 ms of a start).
 */
export function paint(view: { color: boolean }): Paint {
  return view.color ? new Chalk({ level: 1 }) : PLAIN;
}

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

/**
 * Makes stored text safe to print: control characters and escape sequences (an imported name can carry
 * them) are shown as \xNN, never interpreted; tabs and newlines too, so a TSV row stays one row; and the
 * invisible bidirectional controls, which could make a name display as something else, as \uNNNN.
 */
export function safe(text: unknown): string {
  if (text === null || text === undefined) return '';
  const plain = typeof text === 'string' ? text : String(text);
  // Nearly every cell is clean: one test, and the string comes back as it is.
  if (!UNSAFE.test(plain)) return plain;
  return plain.replace(UNSAFE_ALL, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * A table cell made safe: with colour on, the SGR colour codes that paint() added are kept and everything
 * else is escaped, so stored text carrying its own escape sequence is never interpreted; with colour off,
 * every control character is escaped.
 */
function safeCell(cell: unknown, view: { color: boolean }): string {
  if (typeof cell !== 'string' || !view.color) return safe(cell);
  return cell.split(/(\u001b\[[0-9;]*m)/).map((part, i) => (i % 2 === 1 ? part : safe(part))).join('');
}

/**
 * A listing: on a terminal an aligned table with a header; in a pipe tab-separated rows with no header
 * (as `gh` does), so `cut -f` and `awk -F'\t'` work. Cells are escaped with `safe`.
 */
export function table(view: View, headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  if (!view.isTTY) return rows.map((row) => row.map(safe).join('\t') + '\n').join('');
  const c = paint(view);
  const grid = new Table({
    head: headers.map((h) => c.bold(h)),
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
      'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const row of rows) grid.push(row.map((cell) => safeCell(cell, view)));
  return grid.toString().split('\n').map((line) => line.trimEnd()).join('\n') + '\n';
}

/**
 * A word for a POSIX shell command that salesctl suggests: as it is when it holds only characters no shell
 * treats specially, else in single quotes with each ' written as '\'' (nothing inside single quotes is
 * expanded: no $(...), no backticks). The result still goes through safe() when printed.
 */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_/.,:@%+=-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Pretty JSON, one document; invisible bidi controls and C1 controls escaped (jsonSafe). */
export function json(data: unknown): string {
  return jsonSafe(JSON.stringify(data, null, 2)) + '\n';
}

// JSON.stringify escapes C0 controls but leaves DEL, the C1 controls (U+0080-U+009F, which some terminals
// read as escape sequences) and the bidi controls raw. They can only stand inside JSON strings, where
// \uNNNN is the same text to any JSON reader.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const JSON_UNSAFE_ALL = new RegExp(JSON_UNSAFE.source, 'g');

/** JSON text with DEL, C1, line/paragraph separators and bidi controls written as \uNNNN escapes. */
export function jsonSafe(text: string): string {
  if (!JSON_UNSAFE.test(text)) return text;
  return text.replace(JSON_UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// For data formats shown on a terminal (CSV, ICS): line ends and tabs are the format's own, everything else
// that a terminal would act on or that reorders text is shown escaped as the tables show it.
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
const TERMINAL_UNSAFE_ALL = new RegExp(TERMINAL_UNSAFE.source, 'g');

/**
 * CSV or iCalendar text made safe for a terminal: escape sequences and bidi controls escaped (\xNN, \uNNNN),
 * tabs and line ends kept. Only for a terminal: a file or a pipe gets the exact text.
 */
export function terminalText(text: string): string {
  if (!TERMINAL_UNSAFE.test(text)) return text;
  return text.replace(TERMINAL_UNSAFE_ALL, (c) => safe(c));
}
