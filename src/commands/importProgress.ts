// The progress bar of a large import: on stderr, only when a person watches it on a terminal.
import type { Context } from '../context.js';

export interface Progress {
  update(done: number, phase: 'checking' | 'writing'): void;
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/**
 * A cli-progress bar on stderr when stderr is a terminal (main.ts decides, once) and the file has more than
 * `from` rows. cli-progress draws with a real terminal stream (cursorTo, clearLine, columns): one is made
 * for fd 2 here, only when a bar is drawn, so a pipe never loads node's tty and stream modules.
 */
export async function startProgress(ctx: Context, total: number, from: number): Promise<Progress> {
  if (!ctx.stderrIsTTY || total <= from) return NONE;
  const [{ WriteStream }, { default: cliProgress }] = await Promise.all([import('node:tty'), import('cli-progress')]);
  const stream = new WriteStream(2);
  const bar = new cliProgress.SingleBar(
    { stream, format: '{phase} [{bar}] {value}/{total} rows', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { phase: 'checking' });
  return {
    update: (done, phase) => bar.update(done, { phase }),
    stop: () => bar.stop(),
  };
}
