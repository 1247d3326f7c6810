// The command table built whole or for one command: the shortcut must never change what a user sees.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandOf, COMMAND_NAMES, GLOBAL_FLAGS_WITH_VALUE, GLOBAL_SWITCHES, SUBCOMMANDS, subcommandTypo } from '../src/cli.js';
import { harness } from './helpers.js';

const noop = async () => {};

describe('commandOf', () => {
  it.each([
    [['due'], 'due'],
    [['due', '--json'], 'due'],
    [['--db', '/tmp/x.db', 'add', 'Budi'], 'add'],
    [['--db=/tmp/x.db', '--no-color', '--debug', 'list'], 'list'],
    [['followup', 'done', '3'], 'followup'],
    [['--db', 'due'], undefined], // 'due' is the value of --db: the command is missing
    [['--date-order', 'dmy', 'followup', '3', '--at', '5/12'], 'followup'],
    [['--date-order=dmy', '--db', '/tmp/x.db', 'due'], 'due'],
    [['--date-order', 'due'], undefined],
    [['--db=x.db=y', 'due'], 'due'],
    [['--help'], undefined],
    [['-V'], undefined],
    [['help', 'due'], undefined],
    [['dua'], undefined],
    [[], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(commandOf(argv)).toBe(expected);
  });
});

it('commandOf steps over exactly the global flags the program declares', () => {
  const program = buildProgram(noop, '0.0.0');
  const declared = (takesValue: boolean) => program.options.filter((o) => Boolean(o.required || o.optional) === takesValue).map((o) => o.long).filter((l) => l !== '--version');
  expect(declared(true).sort()).toEqual([...GLOBAL_FLAGS_WITH_VALUE].sort());
  expect(declared(false).sort()).toEqual([...GLOBAL_SWITCHES].sort());
});

describe('buildProgram', () => {
  const names = (program: Command) => program.commands.map((c) => c.name());

  it('declares exactly COMMAND_NAMES, in that order, when built whole', () => {
    expect(names(buildProgram(noop, '0.0.0'))).toEqual([...COMMAND_NAMES]);
  });

  it.each(COMMAND_NAMES)('declares %s alone, with the same options and subcommands as in the whole table', (name) => {
    const whole = buildProgram(noop, '0.0.0').commands.find((c) => c.name() === name)!;
    const alone = buildProgram(noop, '0.0.0', name);
    expect(names(alone)).toEqual([name]);
    const shape = (c: Command): unknown => ({
      options: c.options.map((o) => o.flags),
      args: c.registeredArguments.map((a) => a.name()),
      sub: c.commands.map(shape),
      help: c.helpInformation(),
    });
    expect(shape(alone.commands[0]!)).toEqual(shape(whole));
  });

  it('gives the same help and errors through runCli either way', async () => {
    const h = harness('2026-11-22T08:00:00Z', 'UTC');
    expect((await h.run(['due', '--help'])).stdout).toMatch(/^Usage: salesctl due \[options\]/);
    expect(await h.run(['due', '--until'])).toMatchObject({ code: 2, stderr: "salesctl: option '--until <when>' argument missing: see 'salesctl due --help'\n" });
    expect(await h.run(['dua'])).toMatchObject({ code: 2, stderr: "salesctl: unknown command 'dua' (did you mean 'due'?)\n" });
  });
});

describe('SUBCOMMANDS', () => {
  it('names exactly the subcommands buildProgram declares', () => {
    const declared = Object.fromEntries(
      buildProgram(noop, '0.0.0').commands.filter((c) => c.commands.length).map((c) => [c.name(), c.commands.map((s) => s.name())]),
    );
    expect(declared).toEqual(SUBCOMMANDS);
  });
});

describe('subcommandTypo', () => {
  it.each([
    [['followup', 'don', '25', '--outcome', 'reached'], { typed: 'followup don', meant: 'followup done', certain: true }],
    [['followup', 'don', '--outcome', 'reached'], { typed: 'followup don', meant: 'followup done', certain: false }],
    [['commit', 'kep', '5'], { typed: 'commit kep', meant: 'commit kept', certain: true }],
    [['commit', 'brokn', '#5'], { typed: 'commit brokn', meant: 'commit broken', certain: true }],
    [['--db', 'x.db', 'followup', 'cancle', '3'], { typed: 'followup cancle', meant: 'followup cancel', certain: true }],
    [['stats', 'rech'], { typed: 'stats rech', meant: 'stats reach', certain: true }],
    [['postmortem', 'reprot'], { typed: 'postmortem reprot', meant: 'postmortem report', certain: false }],
    // a deal named like a subcommand's typo still schedules, records, reflects
    [['commit', 'Ken', 'low'], undefined],
    [['followup', 'done', '25'], undefined],
    [['followup', 'Budi', '--at', 'tomorrow'], undefined],
    [['add', 'don', '25'], undefined],
    [['commit', 'kept'], undefined],
  ])('%j → %j', (argv, expected) => {
    expect(subcommandTypo(argv)).toEqual(expected);
  });

  it('reaches the user as one line with exit 2, before the command reads its arguments', async () => {
    const h = harness('2026-11-22T08:00:00Z', 'UTC');
    expect(await h.run(['followup', 'don', '25', '--outcome', 'reached'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: unknown command 'followup don' (did you mean 'followup done'?)\n",
    });
    expect(await h.run(['followup', 'don', '--outcome', 'reached'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: unknown command 'followup don' (did you mean 'followup done'?)\n",
    });
    expect(await h.run(['commit', 'kep', '5'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: unknown command 'commit kep' (did you mean 'commit kept'?)\n",
    });
    expect(await h.run(['stats', 'rech'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: unknown command 'stats rech' (did you mean 'stats reach'?)\n",
    });
  });
});
