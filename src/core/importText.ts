// Reading the bytes of an imported file: the byte-order mark decides the encoding, the header line the
// delimiter. Spreadsheets in many locales write ';' with decimal commas (1500,50).
import { UsageError } from '../errors.js';

/** How the bytes were decoded, and whether that was read from the file (a byte-order mark) or concluded. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | string;
  /** Said to the user when the encoding was concluded from the bytes rather than marked or given. */
  note?: string;
}

/**
 * Decodes a file's bytes: `encoding` when given (--encoding); else by its byte-order mark (UTF-8, UTF-16
 * LE/BE); else UTF-16 without one when every other byte of its start is zero; else UTF-8 when the bytes are
 * valid UTF-8 (node's TextDecoder); else Windows-1252, what Outlook and Excel on Windows write, and said so.
 * Single-byte encodings go through iconv-lite, loaded only then: node 20's TextDecoder reads 'windows-1252'
 * as Latin-1 (0x80 gives U+0080, not €; nodejs/node#56542), which would lose the euro sign and curly quotes.
 */
export async function decodeFile(bytes: Uint8Array, what = 'the file', encoding?: string): Promise<Decoded> {
  if (encoding) {
    const name = encoding.trim().toLowerCase();
    if (/^utf-?8$/.test(name)) {
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, ''), encoding: 'utf-8' };
      } catch {
        throw new UsageError(`${what} is not UTF-8 text: try another --encoding (utf-16le, windows-1252)`);
      }
    }
    const iconv = (await import('iconv-lite')).default;
    if (!iconv.encodingExists(name)) throw new UsageError(`unknown encoding '${encoding}' for --encoding: use utf-8, utf-16le, utf-16be or windows-1252`);
    return { text: iconv.decode(Buffer.from(bytes), name), encoding: name };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const utf16 = utf16Without(bytes);
  if (utf16) {
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, note: `${what} read as ${utf16.toUpperCase()} (no byte-order mark): say another with --encoding` };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    if (body !== bytes) throw new UsageError(`${what} starts as UTF-8 but is not UTF-8 text: say its encoding with --encoding windows-1252 (or utf-16le)`);
    const iconv = (await import('iconv-lite')).default;
    const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    return { text, encoding: 'windows-1252', note: `${what} is not UTF-8: read as Windows-1252 (Excel and Outlook on Windows); say another with --encoding` };
  }
}

/** UTF-16 without a byte-order mark: in the first 200 bytes, every other byte (odd for LE, even for BE) is zero. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 200) & ~1;
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero === n / 2 && evenZero === 0) return 'utf-16le';
  if (evenZero === n / 2 && oddZero === 0) return 'utf-16be';
  return undefined;
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

/**
 * The delimiter of the header line: the most frequent of , ; and tab outside quotes on the first line that
 * has any (',' when none), so a preamble of notes before the header row (LinkedIn) does not decide it.
 */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0, lines = 0; i < text.length && lines < 50; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (counts[','] || counts[';'] || counts['\t']) break;
      lines++;
    } else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  return (Object.keys(counts) as Delimiter[]).reduce((a, b) => (counts[b] > counts[a] ? b : a), ',');
}

/** The decimal separator that goes with a delimiter: a ';' file writes 1500,50. */
export function decimalFor(delimiter: Delimiter): '.' | ',' {
  return delimiter === ';' ? ',' : '.';
}
