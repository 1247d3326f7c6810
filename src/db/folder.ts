// The database's folder and file on disk: the data folder made owner-only on first use, the empty file
// created 0600, and what this user may write (a read-only file or mount is opened read-only).
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { FailureError } from '../errors.js';
import { describeFsError } from '../files/safeWrite.js';

export function prepareFolder(path: string, create: boolean): void {
  const folder = dirname(path);
  let stat;
  try {
    stat = statSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new FailureError(`cannot open the database ${path}: ${describeFsError(error)}`);
    if (!create) throw new FailureError(`cannot open the database ${path}: the folder ${folder} does not exist (create it first)`);
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
    } catch (mkdirError) {
      throw new FailureError(`cannot create the data folder ${folder}: ${describeFsError(mkdirError)}`);
    }
    return;
  }
  if (!stat.isDirectory()) throw new FailureError(`cannot open the database ${path}: ${folder} is a file, not a folder`);
}

/**
 * What to open a read-only database from. In a folder nobody can write (a read-only mount) SQLite cannot
 * create the -shm a WAL database needs, and this build of SQLite takes no URI (immutable=1): with no -wal
 * there is nothing to replay and nobody can change the file, so its image is read into memory and opened
 * there (marked as a rollback-journal file in that copy, as SQLite reads WAL files only through a -shm).
 */
export function readOnlySource(path: string): string | Buffer {
  if (canWrite(dirname(path)) || existsSync(`${path}-wal`)) return path;
  const image = readFileSync(path);
  if (image.length >= 100) image[18] = image[19] = 1;
  return image;
}

export function canWrite(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function createEmpty(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new FailureError(`cannot create the database ${path}: ${describeFsError(error)}`);
    }
  }
}
