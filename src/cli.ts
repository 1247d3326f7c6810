// The whole command table. Each action imports its command lazily, so `salesctl due` never loads the
// prompt, CSV or calendar libraries. Names and flags are the contract in shared/DESIGN.md.
import { Command, Option as CommanderOption, type OptionValues } from 'commander';
import type * as Typed from '@commander-js/extra-typings';
import type { Context } from './context.js';
import type { Result } from './render/result.js';
import { CHANNELS, COMMITMENT_KINDS, OUTCOMES, POSTMORTEM_OUTCOMES, PURPOSES, ROOT_CAUSE_NAMES } from './core/vocab.js';
import { isRecordId } from './core/recordId.js';

/** Runs one command: its context, positional arguments and flags in, a Result out. */
export type Runner<Flags = OptionValues> = (ctx: Context, args: string[], flags: Flags) => Promise<Result | void>;
/** Called by every action with what it needs to build the context and print the result. */
export type Dispatch = (command: Command, args: string[], load: () => Promise<Runner>) => Promise<void>;

const EXIT_CODES_HELP = `
Exit codes:
  0    done (an empty list is not an error)
  1    failure (a damaged or unwritable database file, an internal error)
  2    bad usage or bad input (nothing was changed)
  3    not found, or a name that matches several deals
  4    refused: the database is newer than this salesctl, or busy past the timeout
  130  cancelled at a prompt (Ctrl-C): nothing was saved

Environment:
  SALESCTL_DB   the database file (default: the user data folder)
  SALESCTL_NOW  an ISO 8601 instant that replaces the clock
  SALESCTL_BUSY_TIMEOUT_MS  how long to wait for another writer (default 5000) before exit 4
  TZ            your local time zone
  NO_COLOR      turn colour off`;

/** --db, --no-color, --debug and --date-order, accepted by the program and by every command. */
function withGlobalFlags<A extends unknown[], O extends Typed.OptionValues, G extends Typed.OptionValues>(cmd: Typed.Command<A, O, G>) {
  return cmd
    .option('--db <file>', 'the database file (default: $SALESCTL_DB, else the user data folder)')
    .option('--no-color', 'no colour in the output')
    .option('--debug', 'show stack traces for internal errors')
    .option('--date-order <dmy|mdy>', 'how to read 3/12 in dates: dmy (3 Dec) or mdy (12 Mar); default $SALESCTL_DATE_ORDER, else the locale');
}
/** What main.ts reads of the global flags. */
export type GlobalFlags = FlagsOf<typeof withGlobalFlags<[], Record<never, never>, Record<never, never>>>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** core/importMapping.ts IMPORT_FIELDS, written out so the command table loads no import code (a test holds them equal). */
export const IMPORT_FIELD_LIST = 'name, first_name, last_name, company, email, phone, role, segment, tz, channel, notes, deal, value, currency, stage, next_followup, ignore';

/** The top-level commands, in the order of `salesctl --help`. */
export const COMMAND_NAMES = [
  'add', 'commit', 'followup', 'due', 'postmortem', 'list', 'show', 'log', 'close', 'forecast', 'stats', 'export', 'import', 'backup', 'doctor', 'reopen', 'cadence', 'undo', 'mcp',
] as const;

/**
 * The command an argument vector runs, when that is certain before parsing: the first word after the
 * global flags, if it names a command. Help, the version, a typo and anything else give undefined.
 */
export function commandOf(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const flag = word.split('=', 1)[0]!;
    if (GLOBAL_FLAGS_WITH_VALUE.includes(flag)) {
      if (flag === word) i++; // `--db x.db`: the next word is the value, not the command
    } else if (!GLOBAL_SWITCHES.includes(word)) return (COMMAND_NAMES as readonly string[]).includes(word) ? word : undefined;
  }
  return undefined;
}

/** The global flags `withGlobalFlags` declares, as commandOf steps over them (a test holds them equal). */
export const GLOBAL_FLAGS_WITH_VALUE: readonly string[] = ['--db', '--date-order'];
export const GLOBAL_SWITCHES: readonly string[] = ['--no-color', '--debug'];

/** The commands that have subcommands, and theirs (buildProgram declares the same; a test holds them equal). */
export const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  commit: ['kept', 'broken'],
  followup: ['done', 'reschedule', 'cancel'],
  postmortem: ['report'],
  stats: ['reach'],
};

/** A word typed where a subcommand goes that is close to one: `followup don 25` → typed 'followup don', meant 'followup done'. */
export interface SubcommandTypo {
  typed: string;
  meant: string;
  /** The word is certainly not what the command itself takes: an id follows it, or the command has no action of its own. */
  certain: boolean;
}

/**
 * Finds a misspelled subcommand in `argv`, with commander's own measure of "close" (it suggests a command
 * for a typo): a throw-away program holding only the subcommands is asked to parse the word.
 */
export function subcommandTypo(argv: readonly string[]): SubcommandTypo | undefined {
  const command = commandOf(argv);
  const subcommands = command && SUBCOMMANDS[command];
  if (!subcommands) return undefined;
  const at = argv.indexOf(command);
  const word = argv[at + 1];
  // A deal id (`followup 12 --at …`) is never a typo: no probe is built for the common case.
  if (word === undefined || word.startsWith('-') || subcommands.includes(word) || isRecordId(word)) return undefined;
  const probe = new Command(command).exitOverride().showSuggestionAfterError(true).configureOutput({ writeErr: () => {}, outputError: () => {} });
  for (const name of subcommands) probe.command(name);
  let meant: string | undefined;
  try {
    probe.parse([word], { from: 'user' });
  } catch (error) {
    meant = /\(Did you mean ([^\s?]+)\?\)/.exec((error as Error).message)?.[1];
  }
  if (!meant) return undefined;
  const next = argv.slice(at + 2).find((w) => !w.startsWith('-'));
  return { typed: `${command} ${word}`, meant: `${command} ${meant}`, certain: command === 'stats' || (next !== undefined && isRecordId(next)) };
}

// Each command's declaration is a function of its own, typed by @commander-js/extra-typings: the flags
// type it gives (AddFlags, DueFlags, …) is what the command's run() takes (a type-only import there), so
// a flag renamed or removed here, or read there without being declared here, fails `tsc`. The package's
// types only: its JavaScript re-exports commander's classes and builds a global program salesctl never
// uses, so the classes here are commander's, seen through those types. A declaration builds its own command
// only (a subcommand's is handed its parent), so with `only` a start still builds that one command.
/** The program, or the command a subcommand is declared on. */
type Parent = Typed.CommandUnknownOpts;
const Option = CommanderOption as unknown as typeof Typed.Option;
/** The flags a declaration gives its command (the global flags, declared on every command too, aside). */
type FlagsOf<Declare extends (...args: never[]) => { opts(): object }> = ReturnType<ReturnType<Declare>['opts']>;

const json = <A extends unknown[], O extends Typed.OptionValues, G extends Typed.OptionValues>(cmd: Typed.Command<A, O, G>) =>
  cmd.option('--json', 'print one JSON document');
const listing = <A extends unknown[], O extends Typed.OptionValues, G extends Typed.OptionValues>(cmd: Typed.Command<A, O, G>) =>
  json(cmd).option('--csv', 'print CSV with a header row');

const addCommand = (program: Parent) =>
  json(
    program
      .command('add')
      .description('add a prospect (or reuse one of the same name and company) and a deal')
      .argument('<prospect>', "the prospect's name")
      .option('--company <name>', 'their company')
      .option('--deal <title>', 'what the deal is (default: the company, else the prospect)')
      .option('--value <amount>', 'the deal value, e.g. 1500, 1500.50, 15k')
      .option('--currency <code>', 'ISO 4217 currency (default: $SALESCTL_CURRENCY, else USD)')
      .option('--email <address>')
      .option('--phone <number>')
      .option('--role <role>', 'their role')
      .option('--decision-maker', 'they decide the purchase')
      .option('--no-decision-maker', 'they do not decide the purchase')
      .option('--segment <segment>', 'their customer segment')
      .option('--tz <zone>', 'their IANA time zone, e.g. Asia/Jakarta')
      .option('--best-time <HH:MM-HH:MM>', 'when they are best reached, in their zone')
      .addOption(new Option('--channel <channel>', 'their preferred channel').choices(CHANNELS))
      .option('--stage <stage>', 'the deal stage')
      .option('--note <text>', 'a note on the prospect')
      .option('--every <rhythm>', 'keep in touch with the deal on this rhythm (10d, 2w, 3m, 1y)')
      .option('--update', "an existing prospect's differing details are replaced (default: only empty ones are filled)")
      .option('--allow-duplicate', 'add the deal even if the prospect has an open deal of the same title'),
  );
export type AddFlags = FlagsOf<typeof addCommand>;

const commitCommand = (program: Parent) =>
  json(
    program
      .command('commit')
      .description('record a commitment the prospect gave; `commit kept|broken <id>` resolves one')
      .argument('<deal>', 'deal id, or a piece of the prospect, company or deal title')
      .argument('<kind>', `the kind of commitment: ${COMMITMENT_KINDS.join(', ')}`)
      .argument('[what...]', 'what was promised')
      .option('--from <person>', 'who gave it (default: the prospect)')
      .option('--by <when>', 'the promised date (a firm commitment needs one)')
      .addOption(new Option('--payment <form>', 'payment form: dp (down payment) or full').choices(['dp', 'full']))
      .option('--supersede', 'mark the pending commitments of the deal as superseded by this one')
      .enablePositionalOptions(),
  );
export type CommitFlags = FlagsOf<typeof commitCommand>;
const commitResolveCommand = (commit: Parent, outcome: 'kept' | 'broken') =>
  json(
    commit
      .command(outcome)
      .description(`mark a commitment as ${outcome}`)
      .argument('<commitment-id>')
      .option('--note <text>', 'what happened'),
  );
/** `commit kept` and `commit broken`. */
export type CommitResolveFlags = FlagsOf<typeof commitResolveCommand>;

const followupCommand = (program: Parent) =>
  json(
    program
      .command('followup')
      .description('schedule a follow-up; `followup done|reschedule|cancel <id>` completes, moves or cancels one')
      .argument('<deal>', 'deal id, or a piece of the prospect, company or deal title')
      .option('--at <when>', "when: 2026-12-01 14:30, 'tomorrow 10am', 'next tuesday', +2w")
      .addOption(new Option('--channel <channel>', 'how (default: the prospect\'s preferred channel, else call)').choices(CHANNELS))
      .addOption(new Option('--purpose <purpose>', 'why (default: follow-up)').choices(PURPOSES))
      .option('--closure', 'a closure call: a time agreed with the prospect to bring closure (implies --agreed)')
      .option('--agreed', 'the time was agreed with the prospect')
      .option('--note <text>', 'a note')
      .option('--every <rhythm>', 'keep in touch on this rhythm (10d, 2w, 3m, 1y): each completed follow-up schedules the next')
      .enablePositionalOptions(),
  );
export type FollowupFlags = FlagsOf<typeof followupCommand>;
const followupDoneCommand = (followup: Parent) =>
  json(
    followup
      .command('done')
      .description('complete a follow-up with its outcome, and schedule the next step')
      .argument('<followup-id>')
      .addOption(new Option('--outcome <outcome>', 'what happened').choices(OUTCOMES))
      .option('--next <when>', 'schedule the next follow-up on the deal')
      .addOption(new Option('--next-channel <channel>', 'channel of the next follow-up').choices(CHANNELS))
      .addOption(new Option('--next-purpose <purpose>', 'purpose of the next follow-up').choices(PURPOSES))
      .option('--note <text>', 'what was said')
      .option('--at <when>', 'when the contact happened, if not now (stats reach counts this hour)'),
  );
export type FollowupDoneFlags = FlagsOf<typeof followupDoneCommand>;
const followupRescheduleCommand = (followup: Parent) =>
  json(followup.command('reschedule').description('move a scheduled follow-up').argument('<followup-id>').option('--at <when>', 'the new time'));
export type FollowupRescheduleFlags = FlagsOf<typeof followupRescheduleCommand>;
const followupCancelCommand = (followup: Parent) =>
  json(followup.command('cancel').description('cancel a scheduled follow-up').argument('<followup-id>'));

const dueCommand = (program: Parent) =>
  listing(
    program
      .command('due')
      .description("the morning table: overdue, then today's follow-ups and closure calls; then deals with no next step")
      .option('--until <when>', 'show follow-ups due up to this time (default: the end of today)'),
  );
export type DueFlags = FlagsOf<typeof dueCommand>;

const postmortemCommand = (program: Parent) =>
  json(
    program
      .command('postmortem')
      .description('reflect on a lost, won or stalled deal; `postmortem report` shows the causes that repeat')
      .argument('<deal>', 'deal id, or a piece of the prospect, company or deal title')
      .addOption(new Option('--outcome <outcome>', 'how the deal ended (default: from its status)').choices(POSTMORTEM_OUTCOMES))
      .option('--what <text>', 'what happened')
      .option('--assumption <text>', 'the assumption that failed')
      .addOption(new Option('--cause <cause>', 'a root cause (repeatable)').choices(ROOT_CAUSE_NAMES).argParser(collect))
      .option('--reviewer <person>', 'who you reviewed it with (repeatable)', collect)
      .option('--feedback <text>', 'what the prospect said')
      .option('--lesson <text>', 'the lesson: the new method next time')
      .enablePositionalOptions(),
  );
export type PostmortemFlags = FlagsOf<typeof postmortemCommand>;
const postmortemReportCommand = (postmortem: Parent) =>
  listing(postmortem.command('report').description('root causes counted across post-mortems, and the lessons'));

const listCommand = (program: Parent) =>
  listing(
    program
      .command('list')
      .description('the deals (open ones unless --status says otherwise)')
      .option('--status <status>', 'open, won, lost, not-now or all (comma-separated for several)', 'open')
      .option('--search <text>', 'only deals whose prospect, company or title contains this')
      .option('--limit <n>', 'only the n deals with the newest activity (a terminal shows 30 unless --all)')
      .option('--all', 'on a terminal, every deal (a pipe, --json and --csv always have every one)'),
  );
export type ListFlags = FlagsOf<typeof listCommand>;
const showCommand = (program: Parent) =>
  json(program.command('show').description("one deal's prospect, commitments, follow-ups, post-mortems and timeline").argument('<deal>'));
const logCommand = (program: Parent) =>
  json(
    program
      .command('log')
      .description("write a line in the deal's journal")
      .argument('<deal>')
      .argument('<text...>', 'what happened')
      .option('--tag <tag>', 'a tag (repeatable)', collect),
  );
export type LogFlags = FlagsOf<typeof logCommand>;
const closeCommand = (program: Parent) =>
  json(
    program
      .command('close')
      .description('close a deal as won, lost or not-now ("no" means "not now": --revisit schedules the nurture follow-up)')
      .argument('<deal>')
      .argument('<status>', 'won, lost or not-now ("no" means not-now)')
      .option('--revisit <when>', 'with not-now: when the prospect agreed to be contacted again')
      .option('--every <rhythm>', 'with not-now: keep in touch on this rhythm (e.g. 3m); the first touch is then, unless --revisit')
      .option('--reason <text>', 'why it was lost or put off'),
  );
export type CloseFlags = FlagsOf<typeof closeCommand>;
const forecastCommand = (program: Parent) =>
  listing(program.command('forecast').description('the forecast: open deals with a pending firm commitment, totalled per currency'));
const statsCommand = (program: Parent) => program.command('stats').description('what your history says');
const statsReachCommand = (stats: Parent) =>
  listing(
    stats
      .command('reach')
      .description('completed follow-ups: attempts and reached, per channel and hour of day in the prospect\'s zone')
      .option('--prospect <name>', 'only this prospect'),
  );
export type StatsReachFlags = FlagsOf<typeof statsReachCommand>;

const exportCommand = (program: Parent) =>
  json(
    program
      .command('export')
      .description('export deals, prospects, commitments, followups, postmortems, journal or all')
      .argument('<what>', 'deals, prospects, commitments, followups, postmortems, journal or all')
      .addOption(new Option('--format <format>', 'csv, json or ics (followups only)').choices(['csv', 'json', 'ics']).default('csv'))
      .option('--out <file>', 'write to this file instead of stdout'),
  );
export type ExportFlags = FlagsOf<typeof exportCommand>;
const importCommand = (program: Parent) =>
  json(
    program
      .command('import')
      .description('import prospects and deals from a CSV file, or restore an `export all` JSON dump')
      .argument('<file>')
      .option('--map <mapping>', "map a column: 'Column Header=field' (repeatable)", collect)
      .option('--currency <code>', 'currency of amounts without one (a symbol such as € or Rp, or a currency column, says it per row)')
      .option('--encoding <name>', 'the file\'s encoding when it is not detected: utf-8, utf-16le, utf-16be, windows-1252')
      .option('--update', 'update the open deal a row matches (same prospect, same title) instead of skipping the row')
      .option('--dry-run', 'show the first rows as they would be stored, the columns ignored and the values guessed; write nothing')
      .addHelpText('after', `\nFields for --map 'Column=field': ${IMPORT_FIELD_LIST}\n(ignore silences a column; first_name and last_name are joined into name)`),
  );
export type ImportFlags = FlagsOf<typeof importCommand>;
const backupCommand = (program: Parent) =>
  json(program.command('backup').description('a consistent copy of the database, safe while it is in use').argument('<file>'));
const doctorCommand = (program: Parent) =>
  json(program.command('doctor').description('check the database: integrity, foreign keys, schema version, location and permissions'));
export type DoctorFlags = FlagsOf<typeof doctorCommand>;
const reopenCommand = (program: Parent) =>
  json(
    program
      .command('reopen')
      .description('bring a not-now, lost or won deal back to open; its history stays (repeat business on a won deal: add a new deal)')
      .argument('<deal>')
      .option('--note <text>', 'why it is open again'),
  );
export type ReopenFlags = FlagsOf<typeof reopenCommand>;
const cadenceCommand = (program: Parent) =>
  json(
    program
      .command('cadence')
      .description("a deal's keep-in-touch rhythm: completing a follow-up schedules the next that long after the contact")
      .argument('<deal>')
      .argument('[every]', "the rhythm, e.g. 10d, 2w, 3m, 1y; 'off' to stop; none to show it"),
  );
const undoCommand = (program: Parent) =>
  listing(
    program
      .command('undo')
      .description('revert the last change (asks on a terminal; --yes in scripts); --list shows the recent changes')
      .argument('[change]', 'the change id from --list (default: the last change)')
      .option('--list', 'the recent changes that can be reverted, newest first')
      .option('--yes', 'revert without asking (needed when not on a terminal)'),
  );
export type UndoFlags = FlagsOf<typeof undoCommand>;
const mcpCommand = (program: Parent) =>
  program
    .command('mcp')
    .description('an MCP server on stdio: your AI assistant reads the morning and records what happened')
    .option('--read-only', 'offer only the tools that read');
export type McpFlags = FlagsOf<typeof mcpCommand>;

/**
 * Builds the program; `dispatch` runs each action (main.ts builds the context and prints). With `only`,
 * just that command is declared: the whole table costs about 3 ms of option objects that one run of
 * `due` never reads. Help, the version and suggestions for a typo need every command: build them all.
 */
export function buildProgram(dispatch: Dispatch, version: string, only?: string): Command {
  const wanted = (name: (typeof COMMAND_NAMES)[number]) => only === undefined || only === name;
  const program = (new Command('salesctl') as unknown as Typed.Command)
    .description('Follow-ups and commitments for solo salespeople: every step ends with a commitment for the next.')
    .version(version, '-V, --version')
    .showSuggestionAfterError(true)
    .addHelpText('after', EXIT_CODES_HELP);
  // Options are positional so that `followup done 5 --note x` gives --note to `done`, not to `followup`;
  // the global flags are therefore declared on every command, and work before or after its name.
  withGlobalFlags(program).exitOverride().enablePositionalOptions();

  // The runner a declaration is given must take the flags it declares (NoInfer: the declaration decides them).
  const act = <A extends unknown[], O extends Typed.OptionValues, G extends Typed.OptionValues>(cmd: Typed.Command<A, O, G>, load: () => Promise<Runner<NoInfer<O>>>) =>
    withGlobalFlags(cmd).action(async (...params: unknown[]) => {
      const self = params[params.length - 1] as Command;
      const args = params.slice(0, -2).flatMap((p) => (Array.isArray(p) ? [p.join(' ')] : p === undefined ? [] : [String(p)]));
      await dispatch(self, args, load as () => Promise<Runner>);
    });

  if (wanted('add')) act(addCommand(program), async () => (await import('./commands/add.js')).run);

  if (wanted('commit')) {
    const commit = commitCommand(program);
    act(commit, async () => (await import('./commands/commit.js')).record);
    for (const outcome of ['kept', 'broken'] as const) {
      act(commitResolveCommand(commit, outcome), async () => (await import('./commands/commit.js'))[outcome]);
    }
  }

  if (wanted('followup')) {
    const followup = followupCommand(program);
    act(followup, async () => (await import('./commands/followup.js')).schedule);
    act(followupDoneCommand(followup), async () => (await import('./commands/followup.js')).done);
    act(followupRescheduleCommand(followup), async () => (await import('./commands/followup.js')).reschedule);
    act(followupCancelCommand(followup), async () => (await import('./commands/followup.js')).cancel);
  }

  if (wanted('due')) act(dueCommand(program), async () => (await import('./commands/due.js')).run);

  if (wanted('postmortem')) {
    const postmortem = postmortemCommand(program);
    act(postmortem, async () => (await import('./commands/postmortem.js')).record);
    act(postmortemReportCommand(postmortem), async () => (await import('./commands/postmortem.js')).report);
  }

  if (wanted('list')) act(listCommand(program), async () => (await import('./commands/list.js')).run);
  if (wanted('show')) act(showCommand(program), async () => (await import('./commands/show.js')).run);
  if (wanted('log')) act(logCommand(program), async () => (await import('./commands/log.js')).run);
  if (wanted('close')) act(closeCommand(program), async () => (await import('./commands/close.js')).run);
  if (wanted('forecast')) act(forecastCommand(program), async () => (await import('./commands/forecast.js')).run);
  if (wanted('stats')) act(statsReachCommand(statsCommand(program)), async () => (await import('./commands/stats.js')).reach);

  if (wanted('export')) act(exportCommand(program), async () => (await import('./commands/export.js')).run);
  if (wanted('import')) act(importCommand(program), async () => (await import('./commands/import.js')).run);
  if (wanted('backup')) act(backupCommand(program), async () => (await import('./commands/backup.js')).run);
  if (wanted('doctor')) act(doctorCommand(program), async () => (await import('./commands/doctor.js')).run);
  if (wanted('reopen')) act(reopenCommand(program), async () => (await import('./commands/reopen.js')).run);
  if (wanted('cadence')) act(cadenceCommand(program), async () => (await import('./commands/cadence.js')).run);
  if (wanted('undo')) act(undoCommand(program), async () => (await import('./commands/undo.js')).run);

  if (wanted('mcp')) act(mcpCommand(program), async () => (await import('./mcp/server.js')).run);

  return program as unknown as Command;
}
