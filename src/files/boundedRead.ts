// The one way salesctl reads an input file (import's CSV and dumps): only a regular file (or stdin as '-'),
// and at most MAX_INPUT_BYTES, so `/dev/zero`, a FIFO no one writes to, or a runaway file is refused with
// one line instead of filling memory or waiting forever.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** The largest input read: 1 GiB. A CSV of a million prospects is about 200 MB. */
const MAX_INPUT_BYTES = 1024 ** 3;

/** Reads the whole of `path`, refusing anything that is not a regular file or is over `limit` bytes. */
export function readInputFile(path: string, limit = MAX_INPUT_BYTES): Buffer {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; the type is checked before any read.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no file ${path}: give the path of a CSV export or an 'export all' JSON dump`);
    if (code === 'EISDIR') throw new UsageError(`${path} is a folder: give the path of a CSV file`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`cannot read ${path}: permission denied`);
    throw new UsageError(`cannot read ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new UsageError(`${path} is a folder: give the path of a CSV file`);
    if (!stat.isFile()) throw new UsageError(`${path} is not a regular file (a device, FIFO or socket): give the path of a CSV file or dump`);
    if (stat.size > limit) throw new UsageError(`${path} is ${stat.size} bytes, over the ${limit}-byte limit for an input file: split it into smaller files`);
    // Read to the end, which may come later than the size said (a file still growing), but never past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - total, 0) + 65536, limit + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) throw new UsageError(`${path} is over the ${limit}-byte limit for an input file: split it into smaller files`);
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    closeSync(fd);
  }
}
