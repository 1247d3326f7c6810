// Where a large export goes: stdout or a file, in ~64 KB chunks, waiting for 'drain' when the reader is
// slower than the writer, so a million rows never sit in memory at once.
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Sink } from '../context.js';
import { FailureError } from '../errors.js';

const CHUNK = 64 * 1024;

/** Text written in chunks; `finish()` completes the output (and moves a file into place). */
export interface ChunkedOutput {
  /** Adds text; await the promise it may return before writing more. */
  write(text: string): Promise<void> | undefined;
  finish(): Promise<void>;
  /** Drops a half-written file after a failure. */
  abort(): void;
}

/** Chunks to a sink (stdout), honouring backpressure when the sink is a stream. */
export function sinkOutput(sink: Sink): ChunkedOutput {
  // Pieces are joined once per chunk: cheaper than growing one string row by row.
  let pieces: string[] = [];
  let size = 0;
  const flush = async () => {
    const text = pieces.join('');
    pieces = [];
    size = 0;
    const accepted = sink.write(text);
    const stream = sink as Partial<NodeJS.WritableStream>;
    if (accepted === false && typeof stream.once === 'function') await new Promise<void>((resolve) => stream.once!('drain', resolve));
  };
  return {
    write(text) {
      pieces.push(text);
      size += text.length;
      return size >= CHUNK ? flush() : undefined;
    },
    async finish() {
      if (size) await flush();
    },
    abort() {},
  };
}

/**
 * Chunks to a file, written beside it under a temporary name (mode 0600: exports hold personal data) and
 * renamed into place at the end, so a failed export never leaves half a file where a whole one was.
 */
export function fileOutput(path: string): ChunkedOutput {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  let fd: number;
  try {
    fd = openSync(temporary, 'w', 0o600);
  } catch (error) {
    throw new FailureError(`cannot write ${path}: ${(error as Error).message}`);
  }
  let pieces: string[] = [];
  let size = 0;
  const flush = () => {
    writeSync(fd, pieces.join(''));
    pieces = [];
    size = 0;
  };
  return {
    write(text) {
      pieces.push(text);
      size += text.length;
      if (size >= CHUNK) flush();
      return undefined;
    },
    async finish() {
      try {
        if (size) flush();
        closeSync(fd);
        renameSync(temporary, path);
      } catch (error) {
        rmSync(temporary, { force: true });
        throw new FailureError(`cannot write ${path}: ${(error as Error).message}`);
      }
    },
    abort() {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(temporary, { force: true });
    },
  };
}
