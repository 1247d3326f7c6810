// Reading the bytes of an imported file: the byte-order mark decides the encoding, the header line the
// delimiter. Spreadsheets in many locales write ';' with decimal commas (1500,50).
import { UsageError } from '../errors.js';

/** Decodes a file's bytes: UTF-8 (with or without BOM), UTF-16 LE or BE with their BOM. */
export function decodeText(bytes: Uint8Array, what = 'the file'): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UsageError(`${what} is not UTF-8 text: save it as 'CSV UTF-8' (or UTF-16) and import again`);
  }
}

/**
 * The file's own bytes when they are exactly the UTF-8 encoding of its decoded `text` (no UTF-16, no
 * byte-order mark), so a parser can read them instead of encoding the text again.
 */
export function sameUtf8(bytes: Buffer, text: string): Buffer | undefined {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return undefined;
  return bytes.length === Buffer.byteLength(text) ? bytes : undefined;
}

export type Delimiter = ',' | ';' | '\t';

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes (',' when none). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
  return best;
}

/** The decimal separator that goes with a delimiter: a ';' file writes 1500,50. */
export function decimalFor(delimiter: Delimiter): '.' | ',' {
  return delimiter === ';' ? ',' : '.';
}
