// Does the `-wal` beside a database belong to it? SQLite replays any valid WAL it finds next to a database,
// so a `-wal` left from another database (a copied file, a restore over an old one) would silently replace
// this one's pages at the next open. Read before SQLite opens anything (https://www.sqlite.org/fileformat.html,
// "The Write-Ahead Log"):
// - the WAL header (32 bytes): magic 0x377f0682/3, format 3007000, the page size, the salts and a checksum
//   of its first 24 bytes; a header that is not valid is not a WAL of this database's SQLite;
// - its page size must be the database's;
// - the valid frames are those carrying the header's salts; among them, the newest copy of page 1 holds a
//   database header whose change counter (offset 24) SQLite raises whenever it logs page 1, from the file's
//   own: a WAL that belongs never holds a page 1 older than the database file's. An older one is foreign.
// What cannot be told: a foreign WAL that never logged page 1 and has the same page size.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** Why `walPath` does not belong to the database whose first 100 bytes are `dbHeader`, or null when it may. */
export function foreignWal(walPath: string, dbHeader: Buffer): string | null {
  let fd: number;
  try {
    fd = openSync(walPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null; // no WAL (or one SQLite cannot read either)
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'it is not a regular file';
    if (stat.size === 0) return null;
    const header = Buffer.alloc(WAL_HEADER);
    if (readSync(fd, header, 0, WAL_HEADER, 0) < WAL_HEADER) return null; // SQLite ignores a WAL shorter than its header
    const magic = header.readUInt32BE(0);
    if (magic !== 0x377f0682 && magic !== 0x377f0683) return 'its header is not a SQLite WAL header';
    if (header.readUInt32BE(4) !== 3007000) return 'its header has an unknown WAL format version';
    const [c1, c2] = walChecksum(header.subarray(0, 24), magic === 0x377f0683, 0, 0);
    if (c1 !== header.readUInt32BE(24) || c2 !== header.readUInt32BE(28)) return 'its header checksum is wrong';
    const pageSize = walPageSize(header.readUInt32BE(8));
    const dbPageSize = walPageSize(dbHeader.readUInt16BE(16));
    if (pageSize !== dbPageSize) return `its page size (${pageSize}) is not the database's (${dbPageSize})`;
    const salt1 = header.readUInt32BE(16);
    const salt2 = header.readUInt32BE(20);
    // The newest copy of page 1 among the frames of this WAL generation.
    const frame = Buffer.alloc(FRAME_HEADER);
    const counter = Buffer.alloc(4);
    let newestPage1: number | undefined;
    for (let offset = WAL_HEADER; offset + FRAME_HEADER + pageSize <= stat.size; offset += FRAME_HEADER + pageSize) {
      if (readSync(fd, frame, 0, FRAME_HEADER, offset) < FRAME_HEADER) break;
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      if (frame.readUInt32BE(0) === 1 && readSync(fd, counter, 0, 4, offset + FRAME_HEADER + 24) === 4) newestPage1 = counter.readUInt32BE(0);
    }
    const own = dbHeader.readUInt32BE(24);
    if (newestPage1 !== undefined && newestPage1 < own) return `its newest copy of the database header (change ${newestPage1}) is older than the database's own (change ${own})`;
    return null;
  } finally {
    closeSync(fd);
  }
}

function walPageSize(value: number): number {
  return value === 1 ? 65536 : value;
}

/** SQLite's WAL checksum over `data` (a multiple of 8 bytes), in the byte order the magic number names. */
function walChecksum(data: Buffer, bigEndian: boolean, s1: number, s2: number): [number, number] {
  for (let i = 0; i < data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s1 = (s1 + x0 + s2) >>> 0;
    s2 = (s2 + x1 + s1) >>> 0;
  }
  return [s1, s2];
}
