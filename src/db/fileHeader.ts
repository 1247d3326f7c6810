// The database file's first 100 bytes, read with plain file I/O before SQLite touches the file, so that a
// foreign, damaged or newer file (or a -wal that is not its own) is refused and left byte-for-byte untouched.
import { closeSync, constants, existsSync, fchmodSync, fstatSync, openSync, readSync } from 'node:fs';
import { ExitError, FailureError, RefusedError, UsageError } from '../errors.js';
import { describeFsError } from '../files/safeWrite.js';
import { waitSync } from '../waitSync.js';
import { foreignWal } from './walCheck.js';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Refuses a folder, a device or FIFO, a foreign file, a damaged header, a newer database or a -wal that is
 * not its own by the header alone, before SQLite opens it. Returns whether the header says the file is in
 * WAL mode (bytes 18 and 19 both 2). One open, one fstat and one read of 100 bytes on the usual path.
 */
export function checkHeader(path: string, latest: number): boolean {
  let header: Buffer;
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO given as the database must not wait for a writer; its type is checked first.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new FailureError(`cannot open the database ${path}: it is a folder, not a file`);
    throw new FailureError(`cannot read the database ${path}: ${describeFsError(error)}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new FailureError(`cannot open the database ${path}: it is a folder, not a file`);
    if (!stat.isFile()) throw new UsageError(`${path} is not a regular file (a device, FIFO or socket): give the path of a database file with --db`);
    header = Buffer.alloc(100);
    header = header.subarray(0, readSync(fd, header, 0, 100, 0));
    // An empty file becomes a database only owner-only: it will hold personal data.
    if (header.length === 0 && stat.mode & 0o077) fchmodSync(fd, 0o600);
  } catch (error) {
    if (error instanceof ExitError) throw error;
    throw new FailureError(`cannot read the database ${path}: ${describeFsError(error)}`);
  } finally {
    closeSync(fd);
  }
  if (header.length === 0) return false; // created by a first run that has not written yet: SQLite's locks take over.
  if (!header.subarray(0, MAGIC.length).equals(MAGIC.subarray(0, header.length))) {
    throw new FailureError(`${path} is not a salesctl database (not a SQLite file); the file was not changed`);
  }
  if (header.length === 100) {
    // Bytes 21-23 are fixed by the file format, 18-19 are 1 or 2: anything else is a damaged header.
    if (header[21] !== 64 || header[22] !== 32 || header[23] !== 32 || !(header[18]! >= 1 && header[18]! <= 2) || !(header[19]! >= 1 && header[19]! <= 2)) {
      throw new FailureError(`${path} is damaged (its SQLite header is not valid); run 'salesctl doctor' or restore a backup; the file was not changed`);
    }
    const version = header.readUInt32BE(60);
    if (version > latest) {
      throw new RefusedError(
        `${path} has schema version ${version}, newer than this salesctl understands (${latest}): upgrade salesctl; the file was not changed`,
      );
    }
    const inWal = header[18] === 2 && header[19] === 2;
    if (inWal) checkWal(path, header);
    return inWal;
  }
  return false;
}

/**
 * Refuses a -wal that is not this database's (db/walCheck.ts), leaving both files untouched. Usually there is
 * no -wal (the last connection removes it): one failed open. A live WAL that another salesctl is writing can
 * change under the read, so a verdict stands only when the database header and the WAL read the same twice.
 */
function checkWal(path: string, header: Buffer): void {
  const wal = `${path}-wal`;
  // The usual case, and the start-up path of every command: no -wal, one access() and no exception built.
  if (!existsSync(wal)) return;
  for (let attempt = 0; ; attempt++) {
    const reason = foreignWal(wal, header);
    if (!reason) return;
    const again = readHeader(path);
    if (attempt < 3 && (!again || !again.equals(header) || foreignWal(wal, again) !== reason)) {
      if (again?.length === 100) header = again;
      waitSync(2);
      continue;
    }
    throw new FailureError(
      `${wal} does not belong to ${path} (${reason}): SQLite would replay it into the database; move it away if it is not this database's; both files were left untouched`,
    );
  }
}

function readHeader(path: string): Buffer | undefined {
  try {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const header = Buffer.alloc(100);
      return header.subarray(0, readSync(fd, header, 0, 100, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
