// Where a large export goes: stdout or a file, in ~64 KB chunks, waiting for 'drain' when the reader is
// slower than the writer, so a million rows never sit in memory at once.
import type { Sink } from '../context.js';
import { startFile, type Protected } from '../files/safeWrite.js';

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
 * Chunks to a file through files/safeWrite.ts: a temporary file beside it (owner-only: exports hold personal
 * data), renamed into place at the end, so a failed or interrupted export never leaves half a file where a
 * whole one was, and never writes onto the database, a device or through a planted link.
 */
export function fileOutput(path: string, guard: Protected): ChunkedOutput {
  const file = startFile(path, guard);
  let pieces: string[] = [];
  let size = 0;
  const flush = () => {
    file.write(pieces.join(''));
    pieces = [];
    size = 0;
  };
  return {
    write(text) {
      pieces.push(text);
      size += text.length;
      if (size < CHUNK) return undefined;
      flush();
      // A turn of the event loop per chunk: Ctrl-C (SIGINT) or SIGTERM is acted on during a long export,
      // and files/safeWrite.ts removes the temporary file before the process dies of it.
      return new Promise<void>((resolve) => setImmediate(resolve));
    },
    async finish() {
      if (size) flush();
      file.commit();
    },
    abort() {
      file.abort();
    },
  };
}
