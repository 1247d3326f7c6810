// commit and postmortem run as a user would: the built binary on a temporary database, no terminal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, snapshot } from '../helpers.js';
import { tempCli, type Cli } from './helpers.js';

let cli: Cli;
/** Every row of the database file, read beside the program. */
function state(): string {
  const db = new Database(cli.dbPath, { readonly: true });
  try {
    return snapshot(db);
  } finally {
    db.close();
  }
}

beforeAll(() => {
  cli = tempCli('2026-11-22T08:00:00Z', 'Asia/Jakarta');
  expect(cli.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--decision-maker']).code).toBe(0);
});
afterAll(() => cli.cleanup());

describe('commit', () => {
  it('records a firm commitment with its date and prints the next action', () => {
    const r = cli.run(['commit', 'Budi', 'firm', 'sign the contract', '--by', '2026-12-15', '--payment', 'dp', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      id: 1,
      kind: 'firm',
      promised_at: '2026-12-15T09:00:00+07:00',
      payment: 'dp',
      status: 'pending',
      next_action: 'send the contract and collect the payment (down payment or full)',
    });
  });

  it.each([
    [['commit', '1', 'firm', 'sign'], 2, 'salesctl: a firm commitment needs a date: add --by <when>, e.g. --by 2026-12-15\n'],
    [['commit', '1', 'maybe'], 2, "salesctl: unknown commitment kind 'maybe': use one of delegate, low, firm\n"],
    [['commit', '42', 'low'], 3, "salesctl: no deal with id 42: run 'salesctl list' to see the deals\n"],
    [['commit', 'Nobody', 'low'], 3, "salesctl: no deal matches 'Nobody': run 'salesctl list --status all' to see the deals\n"],
    [['commit', 'kept', '99'], 3, "salesctl: no commitment with id 99: run 'salesctl show <deal>' to see a deal's commitments\n"],
  ])('%j exits %i with one line and changes nothing', (argv, code, stderr) => {
    const before = state();
    expect(cli.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(state()).toEqual(before);
  });

  it('resolves a pending commitment once; a second time is refused with its status', () => {
    const kept = cli.run(['commit', 'kept', '1', '--note', 'DP paid']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('Reliability of Budi Santoso: kept 1 · broken 0 · pending 0\n');
    const before = state();
    expect(cli.run(['commit', 'broken', '1'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: commitment #1 is already kept: only a pending commitment can be marked broken\n',
    });
    expect(state()).toEqual(before);
  });
});

describe('postmortem without a terminal', () => {
  it.each([
    [['postmortem', '1', '--lesson', 'research first'], "salesctl: a post-mortem needs --cause: e.g. --cause segment --lesson 'research the segment before the first call'\n"],
    [['postmortem', '1', '--cause', 'segment'], "salesctl: a post-mortem needs --lesson: e.g. --cause segment --lesson 'research the segment before the first call'\n"],
  ])('%j exits 2 and writes nothing, without waiting for input', (argv, stderr) => {
    const before = state();
    expect(cli.run(argv)).toEqual({ code: 2, stdout: '', stderr });
    expect(state()).toEqual(before);
  });

  it('records one from flags and counts it in the report', () => {
    const r = cli.run(['postmortem', '1', '--cause', 'segment', '--lesson', 'research first', '--outcome', 'stalled']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('hint: deal #1 is still open: a post-mortem does not close it (salesctl close 1 lost|not-now)\n');
    expect(cli.run(['postmortem', 'report', '--csv']).stdout).toBe('cause,count\nsegment,1\n');
  });
});
