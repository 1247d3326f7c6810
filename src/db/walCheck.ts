// Does the `-wal` beside a database belong to it? SQLite replays any valid WAL it finds next to a database,
// so a `-wal` left from another database (a copied file, a restore over an old one) would silently replace
// this one's pages at the next open. Read before SQLite opens anything (https://www.sqlite.org/fileformat.html,
// "The Write-Ahead Log", and https://www.sqlite.org/walformat.html for the -shm):
// - the WAL header (32 bytes): magic 0x377f0682/3, format 3007000, the page size, the salts and a checksum
//   of its first 24 bytes; a header that is not valid is not a WAL of this database's SQLite;
// - its page size must be the database's;
// - the database's -shm, when there is an initialised one, holds a copy of the WAL header's salts that
//   SQLite wrote with its own WAL: a WAL with other salts was not written through this database;
// - the frames of this WAL generation (carrying the header's salts) that hold page 1 hold a database header
//   whose schema cookie (offset 40) and change counter (offset 24) only ever grow: one older than the
//   database file's own comes from another database.
// What cannot be told: another database's -wal copied together with its -shm, that logged no older page 1.
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
    let newestPage1: Buffer | undefined;
    let frames = 0;
    for (let offset = WAL_HEADER; offset + FRAME_HEADER + pageSize <= stat.size; offset += FRAME_HEADER + pageSize) {
      if (readSync(fd, frame, 0, FRAME_HEADER, offset) < FRAME_HEADER) break;
      if (frame.readUInt32BE(8) !== salt1 || frame.readUInt32BE(12) !== salt2) break;
      frames++;
      if (frame.readUInt32BE(0) === 1) {
        const page1 = Buffer.alloc(100);
        if (readSync(fd, page1, 0, 100, offset + FRAME_HEADER) === 100) newestPage1 = page1;
      }
    }
    // A WAL without a frame of its own generation has nothing SQLite would replay.
    if (frames === 0) return null;
    if (newestPage1 && (newestPage1.readUInt32BE(40) < dbHeader.readUInt32BE(40) || newestPage1.readUInt32BE(24) < dbHeader.readUInt32BE(24))) {
      return 'its copy of the database header is older than the database file itself';
    }
    const shmSalts = walIndexSalts(walPath.replace(/-wal$/, '-shm'));
    if (shmSalts && !shmSalts.equals(header.subarray(16, 24))) return "its salts are not the ones this database's -shm recorded";
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The salts the -shm's wal-index header recorded (8 bytes, as in the WAL header), when it holds an
 * initialised header whose two copies agree; else undefined (no -shm, or one SQLite will rebuild).
 */
function walIndexSalts(shmPath: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(shmPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    if (!fstatSync(fd).isFile()) return undefined;
    const index = Buffer.alloc(96);
    if (readSync(fd, index, 0, 96, 0) < 96) return undefined;
    const first = index.subarray(0, 48);
    // isInit set, and at least one frame recorded (mxFrame): before its first frame the index holds no salts.
    if (!first.equals(index.subarray(48, 96)) || first[12] !== 1 || first.readUInt32LE(16) === 0) return undefined;
    const version = first.readUInt32LE(0) === 3007000 || first.readUInt32BE(0) === 3007000;
    return version ? Buffer.from(first.subarray(32, 40)) : undefined;
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
