// The command table built whole or for one command: the shortcut must never change what a user sees.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram, commandOf, COMMAND_NAMES } from '../src/cli.js';
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
    [['--help'], undefined],
    [['-V'], undefined],
    [['help', 'due'], undefined],
    [['dua'], undefined],
    [[], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(commandOf(argv)).toBe(expected);
  });
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
    expect(await h.run(['due', '--until'])).toMatchObject({ code: 2, stderr: "error: option '--until <when>' argument missing\n" });
    expect(await h.run(['dua'])).toMatchObject({ code: 2, stderr: "error: unknown command 'dua'\n(Did you mean due?)\n" });
  });
});
