// Each command's flags are the type of its declaration in src/cli.ts (FlagsOf there), and run() takes that
// type: a flag renamed or removed in cli.ts, or read by a command without being declared, fails
// `npm run typecheck` (which checks this file). The run-time half: what commander hands a command is
// exactly what the type names, for flags whose name the type derives (--allow-duplicate, --no-*),
// defaults, choices and repeatable flags.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  buildProgram,
  type AddFlags,
  type DueFlags,
  type ExportFlags,
  type FollowupDoneFlags,
  type GlobalFlags,
  type ListFlags,
  type McpFlags,
  type PostmortemFlags,
} from '../src/cli.js';

/** The flags commander gives the action of `argv` (nothing runs: the runner is not loaded). */
async function flagsOf(argv: string[]): Promise<Record<string, unknown>> {
  let flags: Record<string, unknown> | undefined;
  const program = buildProgram(async (command: Command) => {
    flags = command.opts();
  }, '0.0.0', argv[0]);
  await program.parseAsync(argv, { from: 'user' });
  return flags!;
}

/** The global flags every command is given too, as parsed when none is typed. */
const globals = { color: true } satisfies GlobalFlags;

describe('what commander gives a command is what its flags type names', () => {
  it.each([
    [
      ['add', 'Budi', '--company', 'PT Maju', '--best-time', '10:00-12:00', '--no-decision-maker', '--allow-duplicate', '--channel', 'call', '--json'],
      { company: 'PT Maju', bestTime: '10:00-12:00', decisionMaker: false, allowDuplicate: true, channel: 'call', json: true } satisfies AddFlags,
    ],
    [['due', '--until', 'friday', '--csv'], { until: 'friday', csv: true } satisfies DueFlags],
    [['list'], { status: 'open' } satisfies ListFlags],
    [['export', 'deals'], { format: 'csv' } satisfies ExportFlags],
    [
      ['followup', 'done', '3', '--outcome', 'reached', '--next-channel', 'email', '--next', 'monday', '--at', '09:00'],
      { outcome: 'reached', nextChannel: 'email', next: 'monday', at: '09:00' } satisfies FollowupDoneFlags,
    ],
    [
      ['postmortem', '1', '--cause', 'price', '--cause', 'timing', '--reviewer', 'Ani', '--reviewer', 'Eko'],
      { cause: ['price', 'timing'], reviewer: ['Ani', 'Eko'] } satisfies PostmortemFlags,
    ],
    [['mcp', '--read-only'], { readOnly: true } satisfies McpFlags],
  ])('%j', async (argv, expected) => {
    expect(await flagsOf(argv)).toEqual({ ...globals, ...expected });
  });

  it('gives the global flags under the names main.ts reads', async () => {
    expect(await flagsOf(['due', '--db', '/tmp/x.db', '--no-color', '--debug', '--date-order', 'dmy'])).toEqual({
      db: '/tmp/x.db',
      color: false,
      debug: true,
      dateOrder: 'dmy',
    } satisfies GlobalFlags);
  });
});

describe('a flag its declaration does not have is a type error', () => {
  // Each line below compiles only while the flag is undeclared: should cli.ts ever declare it, tsc reports
  // the unused @ts-expect-error, and this test is to be changed with the declaration.
  it('for a command, a subcommand and the global flags', () => {
    const due: DueFlags = { until: 'friday' };
    // @ts-expect-error -- due declares --until, not --since
    expect(due.since).toBeUndefined();
    const done: FollowupDoneFlags = { outcome: 'reached' };
    // @ts-expect-error -- `followup done` declares --next-channel, not --channel
    expect(done.channel).toBeUndefined();
    const global: GlobalFlags = { color: true };
    // @ts-expect-error -- the database flag is --db
    expect(global.database).toBeUndefined();
  });

  it('for a choice outside its list, and a missing default', () => {
    // @ts-expect-error -- --channel takes one of CHANNELS
    const add: AddFlags = { channel: 'fax' };
    // @ts-expect-error -- --status has a default, so commander always gives it
    const list: ListFlags = {};
    expect([add.channel, list.status]).toEqual(['fax', undefined]);
  });
});
