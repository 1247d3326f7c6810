// Shared helpers for what people read: escaping stored text, colour, tables on a terminal, TSV in a pipe.
import { Chalk } from 'chalk';
import { cellWidth, cut, fit, GAP, pad, type Column } from './layout.js';

export type { Column } from './layout.js';

const SPACES = ' '.repeat(GAP);

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
  return view.color ? (colours ??= new Chalk({ level: 1 })) : PLAIN;
}
let colours: Paint | undefined;

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
  if (typeof cell !== 'string' || !view.color || !cell.includes('\u001b')) return safe(cell);
  return cell.split(/(\u001b\[[0-9;]*m)/).map((part, i) => (i % 2 === 1 ? part : safe(part))).join('');
}

/**
 * A listing: on a terminal an aligned table with a header, fitted to `view.width` (see layout.ts for what
 * gives way); in a pipe tab-separated rows with no header (as `gh` does), so `cut -f` and `awk -F'\t'`
 * work, every character kept. Cells are escaped with `safe`. A column is its header, or a Column saying
 * how it gives way.
 *
 * Drawn here rather than by cli-table3: its layout builds a Cell object per cell and merges options into
 * each (setOption, mergeTableOptions, conflictExists in a profile); with fixed colWidths and no wordWrap it
 * still did, and cost more than the whole rest of `due` on a terminal (figures in docs/PERFORMANCE.md).
 */
export function table(view: View, columns: Array<string | Column>, rows: Array<Array<string | number | null | undefined>>): string {
  if (!view.isTTY) return rows.map((row) => row.map(safe).join('\t') + '\n').join('');
  const c = paint(view);
  const specs = columns.map((column) => (typeof column === 'string' ? { header: column } : column));
  // Each cell measured once (a loop, not Math.max(...column): a spread of 125,000 widths overflows the stack).
  const natural = specs.map((spec) => cellWidth(spec.header));
  const measure = (cells: string[]) => {
    const measured = cells.map(cellWidth);
    measured.forEach((w, i) => (natural[i] = Math.max(natural[i]!, w)));
    return { cells, measured };
  };
  const header = measure(specs.map((spec) => (spec.header ? c.bold(spec.header) : '')));
  const body = rows.map((row) => measure(specs.map((_, i) => safeCell(row[i], view))));
  const widths = fit(specs, natural, view.width ?? 80);
  const line = ({ cells, measured }: { cells: string[]; measured: number[] }) => {
    let text = '';
    let first = true;
    for (let i = 0; i < cells.length; i++) {
      const width = widths[i];
      if (width === null || width === undefined) continue;
      const w = measured[i]!;
      text += (first ? '' : SPACES) + (w > width ? pad(cut(cells[i]!, width), width) : cells[i]! + ' '.repeat(width - w));
      first = false;
    }
    return text.trimEnd() + '\n';
  };
  return line(header) + body.map(line).join('');
}

/**
 * A count with thousands separators ('50,071'), as toLocaleString('en-US') writes it without its cost:
 * the first Intl number format of a run loads ICU's locale data (about 15 ms of a morning on a terminal).
 */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
