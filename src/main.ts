// argv → run → catch → exit code. The only place that decides how the process ends.
import { fstatSync, writeSync } from 'node:fs';
import { isatty, WriteStream } from 'node:tty';
import { CommanderError, type Command } from 'commander';
import type { Database } from 'better-sqlite3';
import { buildProgram, commandOf, subcommandTypo, type GlobalFlags, type Runner } from './cli.js';
import { fdSink, flushNotices, isPromptCancel, viewOf, type Context, type Sink } from './context.js';
import { AmbiguousError, EXIT, ExitError, UsageError } from './errors.js';
import { systemZone, systemZoneProblem } from './core/time.js';
import { decideDateOrder } from './core/dates.js';
import type { Result } from './render/result.js';
import { json as toJson, safe, terminalText } from './render/text.js';

declare const SALESCTL_VERSION: string | undefined;
const VERSION = typeof SALESCTL_VERSION === 'string' ? SALESCTL_VERSION : '0.1.0';

/** Where a run reads and writes; tests pass buffers, an in-memory database, a zone. */
export interface RunOptions {
  env: Record<string, string | undefined>;
  stdout: Sink;
  stderr: Sink;
  /** stdout is a terminal. */
  isTTY: boolean;
  /** stdin and stdout are terminals: prompts are allowed. */
  interactive: boolean;
  /** stderr is a terminal (default false). */
  stderrIsTTY?: boolean;
  /** The terminal's width in columns (default: $COLUMNS, else 80). */
  width?: number;
  /** An already open database (tests); otherwise --db / $SALESCTL_DB / the data folder is opened. */
  database?: Database;
  zone?: string;
}

/** Runs salesctl with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: string[], options: RunOptions): Promise<number> {
  // node reads arguments as UTF-8 and puts U+FFFD where bytes were not: the argument was not text we can
  // store for certain, so it is refused rather than saved with the replacement character.
  const garbled = argv.findIndex((arg) => arg.includes('\uFFFD'));
  if (garbled >= 0) {
    options.stderr.write(`salesctl: argument ${garbled + 1} ('${safe(argv[garbled])}') is not valid UTF-8 text: retype it, or convert it with iconv; nothing was saved\n`);
    return EXIT.usage;
  }
  let debug = argv.includes('--debug');
  let opened: Database | undefined;
  let where = 'the database';
  const program = buildProgram(async (command: Command, args: string[], load: () => Promise<Runner>) => {
    const flags = command.opts();
    const globals = command.optsWithGlobals<GlobalFlags>();
    debug = Boolean(globals.debug);
    const ctx = await makeContext(options, globals, (db) => (opened = db));
    if (ctx.dbPath !== ':memory:') where = ctx.dbPath;
    const runner = await load();
    try {
      const result = await runner(ctx, args, flags);
      if (result) await emit(ctx, result, flags);
    } finally {
      flushNotices(ctx);
    }
  }, VERSION, commandOf(argv));
  // commander's own error (a typo, a missing argument): kept, and printed by report() as one salesctl line.
  let parseError: { text: string; command: Command } | undefined;
  // configureOutput is not inherited by commands that already exist: set it on every one.
  const configure = (command: Command): void => {
    command.configureOutput({
      writeOut: (text: string) => options.stdout.write(text),
      writeErr: (text: string) => options.stderr.write(text),
      outputError: (text: string) => (parseError = { text, command }),
    });
    command.commands.forEach(configure);
  };
  configure(program);
  try {
    // `commit kep 5` would parse (deal 'kep', kind '5') and fail on the kind: say what was meant first.
    const typo = subcommandTypo(argv);
    if (typo?.certain) throw new UsageError(typoMessage(typo));
    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
      // `followup don --outcome reached`: "unknown option '--outcome'" would mislead; the typo is the cause.
      if (error instanceof CommanderError && parseError && typo) {
        parseError = undefined;
        throw new UsageError(typoMessage(typo));
      }
      throw error;
    }
    return EXIT.ok;
  } catch (error) {
    if (parseError) options.stderr.write(commanderLine(parseError.text, parseError.command));
    // Awaited here, so that the database is still open while report() may read it (finally closes it).
    return await report(error, options.stderr, debug, where, opened);
  } finally {
    if (opened && opened !== options.database && opened.open) opened.close();
  }
}

async function makeContext(options: RunOptions, globals: GlobalFlags, onOpen: (db: Database) => void): Promise<Context> {
  const env = options.env;
  const now = readNow(env.SALESCTL_NOW);
  const dbPath: string = options.database ? ':memory:' : (globals.db ?? env.SALESCTL_DB ?? '');
  const color = options.isTTY && globals.color !== false && !env.NO_COLOR;
  let db: Database | undefined = options.database;
  let resolvedPath = dbPath;
  if (!resolvedPath) resolvedPath = (await import('./db/paths.js')).defaultDbPath();
  const { openDatabase, busyTimeoutFrom } = options.database
    ? { openDatabase: undefined, busyTimeoutFrom: undefined }
    : await import('./db/open.js');
  const busyTimeoutMs = busyTimeoutFrom?.(env);
  const zone = options.zone ?? systemZone();
  // A TZ salesctl cannot use as given is said once, on stderr, never silently read as UTC.
  const zoneProblem = options.zone ? undefined : systemZoneProblem();
  if (zoneProblem) options.stderr.write(`warning: ${safe(zoneProblem)}\n`);
  // A database given open (tests, in-process runs) stamps its changes with this run's clock too.
  if (options.database) (await import('./db/undoLog.js')).setChangeClock(options.database, now);
  return {
    now,
    zone,
    dateOrder: decideDateOrder(globals.dateOrder, env),
    stdout: options.stdout,
    stderr: options.stderr,
    isTTY: options.isTTY,
    stderrIsTTY: options.stderrIsTTY ?? false,
    interactive: options.interactive,
    width: options.width ?? columnsFrom(env),
    color,
    debug: Boolean(globals.debug),
    dbPath: resolvedPath,
    env,
    db() {
      if (!db) {
        db = openDatabase!(resolvedPath, { createFolder: !dbPath, now, busyTimeoutMs });
        onOpen(db);
      }
      return db;
    },
  };
}

/** SALESCTL_NOW: a full ISO 8601 instant with its zone (a date alone, or no zone, would be a guess). */
function readNow(value: string | undefined): Date {
  if (!value) return new Date();
  const parsed = new Date(value);
  const shape = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  // The date must survive the round trip in its own offset (Date rolls 2026-02-30 over to March).
  const offset = shape?.[4] && shape[4] !== 'Z' ? (shape[4][0] === '-' ? -1 : 1) * (Number(shape[4].slice(1, 3)) * 60 + Number(shape[4].slice(4))) : 0;
  if (!shape || Number.isNaN(parsed.getTime()) || new Date(parsed.getTime() + offset * 60_000).toISOString().slice(0, 10) !== shape[1]) {
    throw new UsageError(`SALESCTL_NOW='${value}' is not a full ISO 8601 instant with a zone: use e.g. 2026-11-22T09:00:00+07:00`);
  }
  return parsed;
}

async function emit(ctx: Context, result: Result, flags: { json?: boolean; csv?: boolean }): Promise<void> {
  if (flags.json) {
    ctx.stdout.write(toJson(result.json));
  } else if (flags.csv) {
    if (!result.csv) throw new UsageError('--csv is for listings: use --json here');
    const csv = await result.csv();
    // On a terminal the data's own escape sequences are shown escaped, as tables show them; a pipe gets them exact.
    ctx.stdout.write(ctx.isTTY ? terminalText(csv) : csv);
  } else {
    ctx.stdout.write(result.text(viewOf(ctx)));
  }
}

async function report(error: unknown, stderr: Sink, debug: boolean, where: string, db?: Database): Promise<number> {
  if (error instanceof CommanderError) {
    // commander already printed its one line (or the help / version).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  const { translateSqliteError } = await import('./db/sqliteErrors.js');
  const known = error instanceof ExitError ? error : translateSqliteError(error, where);
  if (known instanceof ExitError) {
    stderr.write(`salesctl: ${safe(known.message)}\n`);
    if (known instanceof AmbiguousError) for (const candidate of known.candidates) stderr.write(`  ${safe(candidate)}\n`);
    if (debug && known.stack) stderr.write(`${known.stack}\n`);
    if (debug && known.cause instanceof Error) stderr.write(`caused by ${(known.cause as { code?: string }).code ?? ''} ${known.cause.stack}\n`);
    return known.exitCode;
  }
  if (isPromptCancel(error)) {
    // Ctrl-C at a prompt: the shell's convention for an interrupted command, not a failure.
    stderr.write('salesctl: cancelled; nothing was saved\n');
    return EXIT.cancelled;
  }
  if (error instanceof RangeError && /Invalid time value/.test(error.message)) {
    // A stored instant that is not one (written by another program, or a damaged file): not our bug to hide.
    // The record is named when the database can say which (the scan doctor makes, only on this failure).
    let record: string | null = null;
    try {
      if (db?.open) record = (await import('./db/storedRules.js')).firstDamagedValue(db);
    } catch {
      record = null;
    }
    const what = record ? `a stored value is damaged (${record})` : `a stored date in ${where} is damaged`;
    stderr.write(`salesctl: ${safe(what)}: run 'salesctl doctor' to check the whole database${debug ? '' : ' (or --debug for details)'}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return EXIT.failure;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`salesctl: internal error: ${safe(message.split('\n')[0])}${debug ? '' : ' (run with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}

/**
 * Commander's error as one salesctl line: its "error: " prefix becomes ours, its "(Did you mean …?)" joins
 * the line, and an error without a suggestion names the help to read. The words the user typed are escaped
 * (a newline or an escape sequence in an argument must not break the line or reach the terminal).
 */
function commanderLine(text: string, command: Command): string {
  const suggestion = /\n\(Did you mean ([^\n]*)\?\)\n?$/.exec(text);
  const message = (suggestion ? text.slice(0, suggestion.index) : text).replace(/\n$/, '').replace(/^error: /, '').replace(/\.$/, '');
  let path = '';
  for (let c: Command | null = command; c?.parent; c = c.parent) path = ` ${c.name()}${path}`;
  const fix = suggestion ? ` (did you mean '${suggestion[1]}'?)` : /Allowed choices/.test(message) ? '' : `: see 'salesctl${path} --help'`;
  return `salesctl: ${safe(message)}${fix}\n`;
}

function typoMessage(typo: { typed: string; meant: string }): string {
  return `unknown command '${typo.typed}' (did you mean '${typo.meant}'?)`;
}

/** The entry point of bin/salesctl.js. */
export async function main(): Promise<void> {
  process.umask(0o077);
  const debug = process.argv.includes('--debug');
  // A reader that goes away (`salesctl list | head -1`) is not an error: every write has already committed
  // by the time output is printed, so end quietly. Anything else on the streams ends with one line.
  const onWriteError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      writeSync(2, `salesctl: cannot write the output: ${error.message}\n`);
    } catch {
      // stderr is gone too
    }
    process.exit(EXIT.failure);
  };
  const stdout = fdSink(1, onWriteError);
  const stderr = fdSink(2, onWriteError);
  const crash = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    stderr.write(`salesctl: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
    process.exit(EXIT.failure);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // The terminal facts, decided once here and injected (as GitHub CLI's IOStreams): no command asks the process.
  const isTTY = isTerminal(1);
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdout,
    stderr,
    isTTY,
    stderrIsTTY: isTerminal(2),
    interactive: isTTY && isTerminal(0),
    width: isTTY ? terminalColumns(1) : undefined,
  });
}

/** $COLUMNS when it is a positive whole number, else 80. */
function columnsFrom(env: Record<string, string | undefined>): number {
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}

/**
 * What node's tty module answers (isatty, WriteStream#columns), asked of its native binding directly:
 * loading the module loads node's net and stream modules, 2-10 ms of a run on a terminal (measured under
 * `script`), where the binding's answer takes 0.04 ms. Should a node no longer offer the binding, the
 * module answers instead: slower, never wrong.
 */
interface TtyBinding {
  isTTY(fd: number): boolean;
  TTY: new (fd: number, context: object) => { getWindowSize(size: number[]): number | undefined };
}
let ttyBinding: TtyBinding | null | undefined;
function binding(): TtyBinding | null {
  if (ttyBinding === undefined) {
    try {
      ttyBinding = (process as unknown as { binding(name: string): TtyBinding }).binding('tty_wrap');
    } catch {
      ttyBinding = null;
    }
  }
  return ttyBinding;
}

/** The width of the terminal on `fd`, or undefined when it does not say (then $COLUMNS, else 80). */
function terminalColumns(fd: number): number | undefined {
  try {
    const tty = binding();
    let columns: number | undefined;
    if (tty) {
      const size: number[] = [];
      const failed = new tty.TTY(fd, {}).getWindowSize(size);
      columns = failed ? undefined : size[0];
    } else {
      columns = new WriteStream(fd).columns;
    }
    return columns && columns > 0 ? columns : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a file descriptor is a terminal. A pipe or a file is told by fstat alone: the tty binding (or
 * node's tty module, which loads its stream and net modules) is reached only for a character device.
 */
function isTerminal(fd: number): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return binding()?.isTTY(fd) ?? isatty(fd);
}
