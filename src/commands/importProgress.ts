// The progress bar of a large import: on stderr, only when a person watches a terminal.
import type { Context } from '../context.js';

export interface Progress {
  update(done: number, phase: 'checking' | 'writing'): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/** A cli-progress bar on stderr when stdout and stderr are terminals and the file has more than `from` rows. */
export async function startProgress(ctx: Context, total: number, from: number): Promise<Progress> {
  const stream = ctx.stderr as Partial<NodeJS.WriteStream>;
  if (!ctx.isTTY || total <= from || !stream.isTTY || typeof stream.cursorTo !== 'function') return NONE;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    { stream: stream as NodeJS.WriteStream, format: '{phase} [{bar}] {value}/{total} rows', hideCursor: true, clearOnComplete: true },
    Presets.shades_classic,
  );
  bar.start(total, 0, { phase: 'checking' });
  return {
    update: (done, phase) => bar.update(done, { phase }),
    stop: () => bar.stop(),
  };
}
