// Fitting a table to the terminal: widths in terminal cells, cells cut with '…', columns dropped.
//
// The order, for every table: first the notes and titles are cut (down to MIN_CUT cells), then the names
// (prospect, company), then whole columns go, the least important first. Columns without `cut` or `drop`
// (ids, times, prospects) are never touched. Pipes, --json and --csv never come here.
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';

/** A table column: its header, and how it gives way when the table is wider than the terminal. */
export interface Column {
  header: string;
  /** Cut with '…' when too wide: 1 for notes and titles (cut first), 2 for names (cut after). */
  cut?: 1 | 2;
  /** Left out at narrow widths, the lowest number first. */
  drop?: number;
  /** Cells a cut column keeps before the next step is tried (default MIN_CUT). */
  min?: number;
}

/** Cells a column is cut down to before the next step is tried. */
const MIN_CUT = 10;
/** Between columns. */
export const GAP = 2;
const SGR = /\u001b\[[0-9;]*m/g;
// Below U+1100 (where the wide scripts start) every printable character takes one cell for string-width,
// except the combining marks U+0300-036F: such text is measured by its length. Anything else goes to
// string-width, remembered per text: it builds its emoji expression on every call, and a morning's table
// repeats the same few cells ('—', '★', a zone label) hundreds of times (21 ms of a 10k-deal `due` on a
// terminal in a CPU profile, before).
const NARROW = /^[\u0020-\u007e\u00a0-\u02ff\u0370-\u10ff]*$/;
// The symbols salesctl itself prints are known to take one cell (test/render/layout.test.ts holds them
// equal to string-width), so a table of them never builds the emoji expression (1 ms on first use).
const measured = new Map<string, number>([...'★—…·→×▁▂▃▄▅▆▇█'].map((symbol) => [symbol, 1]));
/** The symbols of salesctl's own output, each one cell wide (exported for the test). */
export const OWN_SYMBOLS = [...measured.keys()];

/** The width of `text` in terminal cells (CJK and emoji take two, colour codes none). */
export function cells(text: string): number {
  if (NARROW.test(text)) return text.length;
  let width = measured.get(text);
  if (width !== undefined) return width;
  // Character by character while each is narrow or known ('!★', 'Müller — Sales'); else string-width.
  width = 0;
  for (const char of text) {
    const known = NARROW.test(char) ? 1 : measured.get(char);
    if (known === undefined) {
      width = stringWidth(text);
      break;
    }
    width += known;
  }
  measured.set(text, width);
  return width;
}

/**
 * `text` cut to at most `width` cells, ending in '…' when something was cut. Colour codes are kept
 * (those after the cut too, so a colour that was turned on is turned off again).
 */
export function cut(text: string, width: number): string {
  if (cells(text) <= width) return text;
  if (width <= 0) return '';
  let out = '';
  let used = 0;
  let cutting = false;
  for (const part of text.split(/(\u001b\[[0-9;]*m)/)) {
    if (part.startsWith('\u001b[')) {
      out += part;
      continue;
    }
    if (cutting) continue;
    for (const char of part) {
      const w = cells(char);
      if (used + w > width - 1) {
        out += '…';
        cutting = true;
        break;
      }
      out += char;
      used += w;
    }
  }
  return out;
}

/**
 * Which columns to show and how wide, so that the row fits `width` cells: returns one width per column,
 * or null for a column left out. `natural` holds each column's widest cell (header included).
 */
export function fit(columns: readonly Column[], natural: readonly number[], width: number): Array<number | null> {
  const shown = columns.map(() => true);
  const droppable = columns.map((c, i) => [c.drop, i] as const).filter(([drop]) => drop !== undefined).sort((a, b) => a[0]! - b[0]! || b[1] - a[1]);
  for (;;) {
    const widths = shrink(columns, natural, shown, width);
    const total = widths.reduce<number>((sum, w) => sum + (w ?? 0), 0) + GAP * (shown.filter(Boolean).length - 1);
    const next = droppable.shift();
    if (total <= width || next === undefined) {
      return total <= width ? widths : squeeze(columns, widths, total - width);
    }
    shown[next[1]] = false;
  }
}

/** Widths after cutting the cut-1 columns, then the cut-2 ones, each no lower than MIN_CUT (or its natural width). */
function shrink(columns: readonly Column[], natural: readonly number[], shown: boolean[], width: number): Array<number | null> {
  const widths: Array<number | null> = natural.map((w, i) => (shown[i] ? w : null));
  const total = () => widths.reduce<number>((sum, w) => sum + (w ?? 0), 0) + GAP * (shown.filter(Boolean).length - 1);
  for (const level of [1, 2] as const) {
    const over = total() - width;
    if (over <= 0) break;
    const mine = columns.map((_c, i) => i).filter((i) => shown[i] && columns[i]!.cut === level);
    // The widest gives way first, one cell at a time, until the excess is gone or all are at their floor.
    const floor = (i: number) => Math.min(natural[i]!, Math.max(columns[i]!.min ?? MIN_CUT, cells(columns[i]!.header)));
    for (let excess = over; excess > 0; excess--) {
      let widest = -1;
      for (const i of mine) if (widths[i]! > floor(i) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
      if (widest < 0) break;
      widths[widest] = widths[widest]! - 1;
    }
  }
  return widths;
}

/** Last resort, when even the narrowest layout is too wide: cut the cut columns below their floor (to 1 cell). */
function squeeze(columns: readonly Column[], widths: Array<number | null>, excess: number): Array<number | null> {
  for (const level of [1, 2] as const) {
    for (let i = 0; i < columns.length && excess > 0; i++) {
      if (widths[i] === null || columns[i]!.cut !== level) continue;
      const step = Math.min(widths[i]! - 1, excess);
      widths[i] = widths[i]! - step;
      excess -= step;
    }
  }
  return widths;
}

/** `text` padded with spaces to `width` cells. */
export function pad(text: string, width: number): string {
  const w = cells(text.includes('\u001b') ? text.replace(SGR, '') : text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** The width of a cell in terminal cells, colour codes left out. */
export function cellWidth(text: string): number {
  return cells(text.includes('\u001b') ? text.replace(SGR, '') : text);
}

/**
 * Prose for a terminal (a post-mortem answer, a note): `text` wrapped at word boundaries to `width`
 * cells, continuation lines indented by `indent` spaces; a word longer than a line is broken.
 */
export function wrap(text: string, width: number, indent = 0): string {
  if (cellWidth(text) <= width) return text;
  const lead = /^ */.exec(text)![0];
  const [first, ...rest] = wrapAnsi(text.slice(lead.length), Math.max(10, width - lead.length), { hard: true, trim: true }).split('\n');
  if (!rest.length) return lead + first!;
  const pad = ' '.repeat(indent);
  const after = wrapAnsi(rest.join(' '), Math.max(10, width - indent), { hard: true, trim: true }).split('\n');
  return [lead + first, ...after.map((line) => pad + line)].join('\n');
}
