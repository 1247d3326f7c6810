import { writeSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { DateOnly } from './core/bestTime.js';
import type { WhenOptions } from './core/dates.js';
import { safe, type View } from './render/text.js';
import { waitSync } from './waitSync.js';

/** Somewhere text goes: stdout/stderr, or a buffer in tests. */
export interface Sink {
  write(text: string): unknown;
}

/**
 * stdout or stderr, written straight to the file descriptor. Touching process.stdout makes node build a
 * stream and load its socket and stream modules, about 3 ms of every run; a synchronous write is what
 * node does for files, pipes and terminals anyway. A full non-blocking pipe (EAGAIN) is waited out;
 * any other failure goes to `onError`, after which the sink drops what is written to it.
 */
export function fdSink(fd: number, onError: (error: NodeJS.ErrnoException) => void): Sink {
  let failed = false;
  return {
    write(text: string) {
      if (failed) return true;
      const bytes = Buffer.from(text, 'utf8');
      for (let offset = 0; offset < bytes.length; ) {
        try {
          offset += writeSync(fd, bytes, offset);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
            waitSync(1);
            continue;
          }
          failed = true;
          onError(error as NodeJS.ErrnoException);
          return true;
        }
      }
      return true;
    },
  };
}

/** Everything a command needs from the outside world, injected so tests can fix it. */
export interface Context {
  /** The current instant ($SALESCTL_NOW or the clock). */
  now: Date;
  /** The local IANA zone (TZ). */
  zone: string;
  /** How typed slashed dates are read (--date-order, else SALESCTL_DATE_ORDER, else the locale), and who said so. */
  dateOrder?: { order?: 'dmy' | 'mdy'; from?: 'flag' | 'env' | 'locale' };
  stdout: Sink;
  stderr: Sink;
  /** stdout is a terminal: tables, relative times. */
  isTTY: boolean;
  /** stderr is a terminal: a progress bar may be drawn there. */
  stderrIsTTY: boolean;
  /** stdin and stdout are terminals: prompts are allowed. */
  interactive: boolean;
  /** The terminal's width in columns (stdout's, else $COLUMNS, else 80): tables fit it. */
  width: number;
  /** Colour is wanted (terminal, no NO_COLOR, no --no-color). */
  color: boolean;
  debug: boolean;
  /** The database file, or ':memory:'. */
  dbPath: string;
  /** The open database; opened (and migrated) on first use. */
  db(): Database;
  /** Environment, for the few commands that read it ($SALESCTL_CURRENCY). */
  env: Record<string, string | undefined>;
}

/** How this run's output is shown, for the renderers. */
export function viewOf(ctx: Context): View {
  return { isTTY: ctx.isTTY, color: ctx.color, now: ctx.now, zone: ctx.zone, width: ctx.width };
}

/** How this run reads a date typed for `flag` (core/dates.ts parseWhen): its clock, its zone, its --date-order. */
export function whenOptions(ctx: Context, flag: string, dateOnly?: DateOnly): WhenOptions {
  return { now: ctx.now, zone: ctx.zone, dateOnly, flag, order: ctx.dateOrder?.order };
}

// Warnings and hints wait until the result they are about has been printed (main.ts flushes them after
// it), so a salesperson reads what happened first and the advice under it, as `git` does.
const pending = new WeakMap<Context, string[]>();

function note(ctx: Context, line: string): void {
  const lines = pending.get(ctx);
  if (lines) lines.push(line);
  else pending.set(ctx, [line]);
}

/** A warning on stderr, after the result: something the user may want to fix, never data. Echoed input is escaped: one line, no escapes. */
export function warn(ctx: Context, message: string): void {
  note(ctx, `warning: ${safe(message)}\n`);
}

/** A hint on stderr, after the result: the next thing a salesperson might do; escaped like warn(). */
export function hint(ctx: Context, message: string): void {
  note(ctx, `hint: ${safe(message)}\n`);
}

/** Writes the warnings and hints waiting so far (main.ts after the result; prompts() before a question). */
export function flushNotices(ctx: Context): void {
  const lines = pending.get(ctx);
  if (!lines) return;
  pending.delete(ctx);
  for (const line of lines) ctx.stderr.write(line);
}

/**
 * The prompt library, loaded on first use, after the warnings and hints waiting so far are written: a question
 * must not come before the warning it is about (notices otherwise wait until after the result).
 */
export async function prompts(ctx: Context): Promise<typeof import('@inquirer/prompts')> {
  flushNotices(ctx);
  return import('@inquirer/prompts');
}

/**
 * True when `error` is Ctrl-C at a question: @inquirer/prompts rejects with an ExitPromptError, known here by
 * its name so that asking does not load the library.
 */
export function isPromptCancel(error: unknown): boolean {
  return (error as { name?: string } | null | undefined)?.name === 'ExitPromptError';
}
