import { describe, expect, it } from 'vitest';
import { harness, snapshot } from '../helpers.js';

describe('salesctl add', () => {
  it('creates a prospect and a deal, and prints one line on a terminal and in a pipe', async () => {
    const h = harness();
    const tty = await h.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--value', '15000000', '--currency', 'IDR'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toBe('Added deal #1 PT Maju for Budi Santoso (PT Maju) · 15,000,000 IDR\n');
    expect(tty.stderr).toBe("hint: every step ends with a commitment for the next: salesctl followup 1 --at 'tomorrow 10am'\n");
    const coloured = await h.run(['add', 'Rina'], { tty: true, color: true });
    expect(coloured.stdout).toBe('\u001b[32mAdded\u001b[39m deal #2 Rina for Rina\n');
    const piped = await h.run(['add', 'Sari', '--deal', 'Fleet renewal'], { color: true });
    expect(piped.stdout).toBe('Added deal #3 Fleet renewal for Sari\n');
  });

  it("reads --best-time in the prospect's zone: the your-zone hint only when they have none; a date alone is suggested for a prospect with a window", async () => {
    const h = harness();
    await h.run(['add', 'Hans', '--company', 'Acme GmbH', '--tz', 'Europe/Berlin']);
    const known = await h.run(['add', 'Hans', '--company', 'Acme GmbH', '--deal', 'Support', '--best-time', '10:00-12:00']);
    expect(known.code).toBe(0);
    expect(known.stderr).toBe('hint: every step ends with a commitment for the next: salesctl followup 2 --at tomorrow\n');
    const zoneless = await h.run(['add', 'Rina', '--best-time', '10:00-12:00']);
    expect(zoneless.stderr).toBe(
      "hint: --best-time is read in the prospect's zone; without --tz it is your own (UTC)\n" +
        'hint: every step ends with a commitment for the next: salesctl followup 3 --at tomorrow\n',
    );
  });

  it('prints the deal with its prospect nested as JSON', async () => {
    const h = harness('2026-11-22T08:00:00Z', 'Asia/Jakarta');
    const { stdout, code } = await h.run([
      'add', 'Budi', '--company', 'PT Maju', '--deal', 'Fleet', '--value', '1,500.50', '--email', 'budi@maju.co.id',
      '--phone', '+62 812', '--role', 'Head of Ops', '--decision-maker', '--segment', 'logistics', '--tz', 'Asia/Jakarta',
      '--best-time', '10:00-12:00', '--channel', 'call', '--note', 'met at expo', '--json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      id: 1, title: 'Fleet', prospect_id: 1, prospect_name: 'Budi', company: 'PT Maju', value: 1500.5, value_minor: 150050,
      currency: 'USD', status: 'open', stage: null, created_at: '2026-11-22T15:00:00+07:00', closed_at: null, lost_reason: null, cadence: null,
      prospect: {
        id: 1, name: 'Budi', company: 'PT Maju', role: 'Head of Ops', email: 'budi@maju.co.id', phone: '+62 812',
        decision_maker: true, segment: 'logistics', tz: 'Asia/Jakarta', best_time: '10:00-12:00', channel: 'call',
        notes: 'met at expo', created_at: '2026-11-22T15:00:00+07:00', reused: false,
      },
    });
  });

  it('reuses the prospect with the same name and company, whatever the case', async () => {
    const h = harness();
    await h.run(['add', 'Budi', '--company', 'PT Maju']);
    const second = JSON.parse((await h.run(['add', 'BUDI', '--company', 'pt maju', '--deal', 'Second', '--json'])).stdout);
    expect(second.prospect).toMatchObject({ id: 1, reused: true });
    const other = JSON.parse((await h.run(['add', 'Budi', '--company', 'Other', '--json'])).stdout);
    expect(other.prospect).toMatchObject({ id: 2, reused: false });
  });

  it('takes the currency from $SALESCTL_CURRENCY', async () => {
    const h = harness();
    const out = JSON.parse((await h.run(['add', 'A', '--value', '5k', '--json'], { env: { SALESCTL_CURRENCY: 'EUR' } })).stdout);
    expect(out).toMatchObject({ value: 5000, value_minor: 500000, currency: 'EUR' });
  });

  it.each([
    [['add', 'X', '--value', 'lots'], "salesctl: cannot read the amount 'lots' for --value: write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500\n"],
    [['add', 'X', '--currency', 'ABC'], "salesctl: unknown currency 'ABC': use an ISO 4217 code such as USD, EUR or IDR\n"],
    [['add', 'X', '--tz', 'Jakarta'], "salesctl: unknown time zone 'Jakarta' for --tz: did you mean Asia/Jakarta?\n"],
    [['add', 'X', '--best-time', '12:00-10:00'], "salesctl: cannot read the best time '12:00-10:00' for --best-time: the end must come after the start, e.g. 10:00-12:00\n"],
    [['add', 'X', '--email', 'nope'], "salesctl: 'nope' is not an email address: use e.g. budi@example.com\n"],
    [['add', '  '], 'salesctl: the prospect name is empty: give some text\n'],
    [['add', 'X', '--company', 'c'.repeat(201)], 'salesctl: --company is 201 characters long: at most 200 are allowed\n'],
    [['add', 'X', '--note', 'n'.repeat(10_001)], 'salesctl: --note is 10001 characters long: at most 10000 are allowed\n'],
    [['add', 'X', '--channel', 'fax'], "salesctl: option '--channel <channel>' argument 'fax' is invalid. Allowed choices are call, email, sms, chat, meeting, visit\n"],
    [['add'], "salesctl: missing required argument 'prospect': see 'salesctl add --help'\n"],
  ])('refuses bad input #%# with one line, exit 2 and no change', async (argv, message) => {
    const h = harness();
    await h.run(['add', 'Existing']);
    const before = snapshot(h.db);
    const result = await h.run(argv);
    expect(result).toEqual({ code: 2, stdout: '', stderr: message });
    expect(snapshot(h.db)).toBe(before);
  });
});
