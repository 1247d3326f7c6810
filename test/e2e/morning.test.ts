// The README's morning routine, run as a salesperson would: the "done when" of the core issue.
import { afterAll, describe, expect, it } from 'vitest';
import { tempCli } from './helpers.js';

// Monday 23 November 2026, 08:30 in Jakarta.
const cli = tempCli('2026-11-23T01:30:00Z', 'Asia/Jakarta');
afterAll(() => cli.cleanup());

const ok = (args: string[]) => {
  const result = cli.run(args);
  expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
  expect(result.code, `${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
};
const json = (args: string[]) => JSON.parse(ok([...args, '--json']).stdout);

describe('a morning with salesctl', () => {
  it('adds three prospects', () => {
    expect(json(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--value', '150000000', '--currency', 'IDR',
      '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--no-decision-maker', '--channel', 'call'])).toMatchObject({ id: 1 });
    expect(json(['add', 'Sari Dewi', '--company', 'CV Sinar', '--deal', 'Office laptops', '--value', '85000000', '--currency', 'IDR',
      '--decision-maker'])).toMatchObject({ id: 2 });
    expect(json(['add', 'Tom Baker', '--company', 'Acme', '--deal', 'Pilot', '--value', '12k', '--currency', 'USD',
      '--tz', 'America/New_York', '--best-time', '09:00-11:00'])).toMatchObject({ id: 3 });
  });

  it('records a delegate and a firm commitment, each with its next action', () => {
    expect(json(['commit', 'Fleet renewal', 'delegate', 'will ask the director', '--from', 'Budi Santoso'])).toMatchObject({
      kind: 'delegate', next_action: expect.stringMatching(/decision maker/),
    });
    expect(json(['commit', 'Sari', 'firm', 'sign the order', '--by', '2026-12-15', '--payment', 'dp'])).toMatchObject({
      kind: 'firm', payment: 'dp', next_action: expect.stringMatching(/contract/),
    });
  });

  it('schedules a follow-up for yesterday and a closure call for this afternoon', () => {
    expect(json(['followup', 'Budi', '--at', 'yesterday 10:30', '--channel', 'call'])).toMatchObject({ id: 1, due_at: '2026-11-22T10:30:00+07:00' });
    expect(json(['followup', 'Sari', '--at', 'today 15:00', '--closure', '--channel', 'meeting'])).toMatchObject({
      id: 2, purpose: 'closure', closure: true, agreed: true, due_at: '2026-11-23T15:00:00+07:00',
    });
  });

  it('shows the day in due: overdue first, the closure call marked, the deal with no next step', () => {
    const due = json(['due']);
    expect(due.items.map((i: any) => [i.followup_id, i.prospect, i.overdue, i.closure, i.commitment])).toEqual([
      [1, 'Budi Santoso', true, false, 'delegate'],
      [2, 'Sari Dewi', false, true, 'firm'],
    ]);
    expect(due.items[0]).toMatchObject({ deal_id: 1, company: 'PT Maju', channel: 'call', value: 150000000, currency: 'IDR' });
    expect(due.no_next_step).toEqual([expect.objectContaining({ deal_id: 3, prospect: 'Tom Baker', company: 'Acme' })]);

    const csv = ok(['due', '--csv']).stdout.trim().split('\n');
    expect(csv).toHaveLength(3);
    expect(csv[0]).toMatch(/^followup_id,/);
    const piped = ok(['due']).stdout;
    expect(piped).toContain('Budi Santoso');
    expect(piped).toContain('Sari Dewi');
  });

  it('completes the overdue follow-up with a next step', () => {
    const done = json(['followup', 'done', '1', '--outcome', 'reached', '--next', 'tomorrow 10am', '--note', 'director back Tuesday']);
    expect(done).toMatchObject({ id: 1, status: 'done', outcome: 'reached', next: { deal_id: 1, due_at: '2026-11-24T10:00:00+07:00' } });
    expect(json(['due']).items.map((i: any) => i.followup_id)).toEqual([2]);
  });

  it('closes a lost deal and writes its post-mortem', () => {
    const closed = cli.run(['close', 'Acme', 'lost', '--reason', 'chose a local vendor']);
    expect(closed.code).toBe(0);
    expect(closed.stderr).toContain('salesctl postmortem 3');
    expect(json(['postmortem', '3', '--cause', 'segment', '--cause', 'no-decision-maker', '--what', 'they picked a local vendor',
      '--assumption', 'a demo was enough', '--reviewer', 'team lead', '--feedback', 'you never met our CFO',
      '--lesson', 'research the segment and meet the CFO before the demo'])).toMatchObject({ outcome: 'lost', causes: ['segment', 'no-decision-maker'] });
  });

  it("shows the lost deal's whole timeline", () => {
    const deal = json(['show', 'Acme']);
    expect(deal).toMatchObject({ id: 3, status: 'lost', lost_reason: 'chose a local vendor', postmortems: [expect.objectContaining({ lesson: expect.stringMatching(/CFO/) })] });
    expect(deal.timeline.map((t: any) => t.kind)).toEqual(['created', 'closed', 'postmortem']);
    expect(ok(['show', 'Acme']).stdout).toContain('research the segment');
  });
});
