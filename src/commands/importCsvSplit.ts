// The common shape of a CSV file read without csv-parse: cells split on the delimiter, a cell in double quotes
// with "" for a quote. It reads the same records csv-parse does (with `relax_column_count` and only \n line
// breaks), about five times faster; anything else (a quote inside a bare cell, text after a closing quote, a
// quote never closed) is left to csv-parse, which reads it or names the error, as before. It is the reading
// side of core/csvCell.ts's quoting: test/render/csv.test.ts reads back what render/csv.ts writes.
import type { Delimiter } from '../core/importText.js';

const QUOTE = 34;
const NEWLINE = 10;

/**
 * The records of `text` (line breaks already \n only), as csv-parse gives them; undefined when the text
 * holds anything but well-formed cells, for csv-parse to read.
 */
export function splitCsv(text: string, delimiter: Delimiter): string[][] | undefined {
  const records: string[][] = [];
  const length = text.length;
  const sep = delimiter.charCodeAt(0);
  let nextQuote = text.indexOf('"');
  if (nextQuote < 0) nextQuote = length;
  let pos = 0;
  while (pos < length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = length;
    if (nextQuote >= end) {
      // No quote on this line: its cells are the pieces between delimiters.
      records.push(text.slice(pos, end).split(delimiter));
      pos = end + 1;
      continue;
    }
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      let after: number;
      if (text.charCodeAt(pos) === QUOTE) {
        let close = text.indexOf('"', pos + 1);
        if (close < 0) return undefined;
        let from = pos + 1;
        cell = '';
        while (text.charCodeAt(close + 1) === QUOTE) {
          // "" is one quote: the text up to and with the first, then on after the second.
          cell += text.slice(from, close + 1);
          from = close + 2;
          close = text.indexOf('"', from);
          if (close < 0) return undefined;
        }
        cell = cell === '' ? text.slice(from, close) : cell + text.slice(from, close);
        after = close + 1;
        if (after < length) {
          const next = text.charCodeAt(after);
          if (next !== sep && next !== NEWLINE) return undefined;
        }
        nextQuote = text.indexOf('"', after);
        if (nextQuote < 0) nextQuote = length;
        // A quoted cell may hold line breaks: the record goes on to the line break after it.
        if (end < after) {
          end = text.indexOf('\n', after);
          if (end < 0) end = length;
        }
      } else {
        let stop = text.indexOf(delimiter, pos);
        if (stop < 0 || stop > end) stop = end;
        if (nextQuote < stop) return undefined;
        cell = text.slice(pos, stop);
        after = stop;
      }
      cells.push(cell);
      if (after >= length || text.charCodeAt(after) === NEWLINE) {
        pos = after + 1;
        break;
      }
      pos = after + 1;
    }
    records.push(cells);
  }
  return records;
}
