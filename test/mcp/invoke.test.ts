// The argv a tool builds: values can never turn into flags, positional words can never turn into options.
import { describe, expect, it } from 'vitest';
import { commandRunner, commandLine } from '../../src/mcp/invoke.js';
import type { Context } from '../../src/context.js';
import { harness } from '../helpers.js';

describe('commandLine', () => {
  it.each([
    [['due'], {}, [], ['due', '--json']],
    [['due'], { until: 'friday' }, [], ['due', '--json', '--until=friday']],
    [['followup'], { at: '-1d', closure: true, agreed: false, note: undefined }, ['3'], ['followup', '--json', '--at=-1d', '--closure', '--', '3']],
    [['log'], { tag: ['a', '--db'] }, ['Budi', '--db x.db'], ['log', '--json', '--tag=a', '--tag=--db', '--', 'Budi', '--db x.db']],
    [['log'], { tag: [] }, ['1', 'text'], ['log', '--json', '--', '1', 'text']],
    [['followup', 'done'], { outcome: 'reached', next: null }, [12], ['followup', 'done', '--json', '--outcome=reached', '--', '12']],
    [['commit'], { by: '2026-12-15' }, ['1', 'low', undefined], ['commit', '--json', '--by=2026-12-15', '--', '1', 'low']],
  ] as const)('%j %j %j → %j', (words, options, positional, expected) => {
    expect(commandLine([...words], options as any, [...positional])).toEqual(expected);
  });
});

describe('commandRunner', () => {
  it('runs the command on the given database and gives its JSON and stderr lines', async () => {
    const h = harness('2026-11-22T08:00:00Z', 'UTC');
    const ctx = { env: { SALESCTL_NOW: '2026-11-22T08:00:00Z' }, zone: 'UTC' } as unknown as Context;
    const run = commandRunner(ctx, h.db);
    const added = await run(commandLine(['add'], { company: '-PT Maju' }, ['--Budi']));
    expect(added).toMatchObject({ code: 0, json: { id: 1, prospect: { name: '--Budi', company: '-PT Maju' } } });
    expect(added.stderr).toEqual([expect.stringMatching(/^hint: every step ends with a commitment/)]);
    expect(await run(commandLine(['show'], {}, ['nobody']))).toEqual({
      code: 3, json: undefined, stderr: ["salesctl: no deal matches 'nobody': run 'salesctl list --status all' to see the deals"],
    });
    expect((await h.run(['list', '--json'])).stdout).toMatch(/"prospect": "--Budi"/);
  });
});
