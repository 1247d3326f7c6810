// Table tests for the rules of a deal's life: rhythms, reopening, never overwriting in silence, the right
// follow-up, zone suggestions, post-mortem outcomes, the forecast's kept deals and the undo descriptions.
import { describe, expect, it } from 'vitest';
import { describeEvery, nextTouch, parseEvery } from '../../src/core/cadence.js';
import { dateOnlyRule } from '../../src/core/bestTime.js';
import { closedDealMessage } from '../../src/core/closed.js';
import { delegateFromDecider, firmFromNonDecider } from '../../src/core/commitments.js';
import { forecastPlace, keptByEarlierFirm } from '../../src/core/forecast.js';
import { outcomeMismatch } from '../../src/core/postmortem.js';
import { differenceWarning, mergeProspect, type ProspectDetails } from '../../src/core/prospectMerge.js';
import { dueDayWarning } from '../../src/core/rightFollowup.js';
import { describeChange, type LoggedChange } from '../../src/core/undo.js';
import { suggestZones } from '../../src/core/zoneNames.js';
import { isoInZone } from '../../src/core/time.js';

describe('parseEvery', () => {
  it.each([
    ['2w', '2w'], ['3m', '3m'], ['10d', '10d'], ['1y', '1y'], ['3 months', '3m'], ['every 2 weeks', '2w'], ['1 Day', '1d'], [' 6M ', '6m'],
  ])('%s → %s', (text, stored) => expect(parseEvery(text)).toBe(stored));
  it.each([
    ['fortnightly', "--every 'fortnightly' is not a rhythm: use 10d, 2w, 3m or 1y ('off' to stop)"],
    ['2', "--every '2' is not a rhythm: use 10d, 2w, 3m or 1y ('off' to stop)"],
    ['-1w', "--every '-1w' is not a rhythm: use 10d, 2w, 3m or 1y ('off' to stop)"],
    ['0d', "--every '0d' is no rhythm: use from 1d up to 5y, e.g. 10d, 2w, 3m or 1y ('off' to stop)"],
    ['6y', "--every '6y' is too long: use from 1d up to 5y, e.g. 10d, 2w, 3m or 1y ('off' to stop)"],
  ])('refuses %s', (text, message) => expect(() => parseEvery(text)).toThrow(message));
});

describe('describeEvery', () => {
  it.each([['1m', 'every month'], ['2w', 'every 2 weeks'], ['10d', 'every 10 days'], ['1y', 'every year']])('%s → %s', (every, words) =>
    expect(describeEvery(every)).toBe(words));
});

describe('nextTouch: that long after the contact, on a weekday, at the start of their best time in their zone', () => {
  const berlin = dateOnlyRule({ tz: 'Europe/Berlin', best_time_start: '10:00' }, 'UTC');
  it.each([
    // contact (UTC)              every  place                                   next (in the prospect's zone)
    ['2026-11-23T09:00:00Z', '2w', berlin, '2026-12-07T10:00:00+01:00'], // Monday → Monday
    ['2026-11-23T09:00:00Z', '2m', berlin, '2027-01-25T10:00:00+01:00'], // Sat 23 Jan → Mon 25 Jan
    ['2026-11-22T09:00:00Z', '1w', berlin, '2026-11-30T10:00:00+01:00'], // Sunday → Monday
    ['2027-01-31T09:00:00Z', '1m', berlin, '2027-03-01T10:00:00+01:00'], // Jan 31 + 1m = Feb 28 (Sunday) → Mon 1 Mar
    ['2027-02-25T09:00:00Z', '1m', berlin, '2027-03-25T10:00:00+01:00'], // before the clocks change
    ['2027-03-25T09:00:00Z', '1m', berlin, '2027-04-26T10:00:00+02:00'], // after: 10:00 summer time; Sun 25 Apr → Mon
    ['2026-11-23T23:30:00Z', '10d', berlin, '2026-12-04T10:00:00+01:00'], // already the 24th in Berlin
    ['2026-11-23T09:00:00Z', '3d', dateOnlyRule({ tz: 'Asia/Jakarta', best_time_start: null }, 'UTC'), '2026-11-26T09:00:00+07:00'], // no best time: 09:00
  ])('%s + %s → %s', (contact, every, place, next) => {
    expect(isoInZone(nextTouch(new Date(contact), every, place), place.zone)).toBe(next);
  });
});

describe('closedDealMessage names the way forward', () => {
  it.each([
    [{ id: 10, status: 'not-now', prospect_name: 'Hans', company: 'Acme' }, 'deal #10 is not-now: X; if the answer is now yes, reopen it first (salesctl reopen 10): its history stays'],
    [{ id: 3, status: 'lost', prospect_name: 'Hans', company: '' }, 'deal #3 is lost: X; if the answer is now yes, reopen it first (salesctl reopen 3): its history stays'],
    [{ id: 4, status: 'won', prospect_name: "Budi O'Neil", company: 'PT Maju' },
      "deal #4 is won: X; for repeat business add a new deal (salesctl add 'Budi O'\\''Neil' --company 'PT Maju' --deal '<what they buy now>'), or if the sale fell through: salesctl reopen 4"],
    [{ id: 5, status: 'won', prospect_name: 'Ann', company: '' }, "deal #5 is won: X; for repeat business add a new deal (salesctl add Ann --deal '<what they buy now>'), or if the sale fell through: salesctl reopen 5"],
  ])('%o', (deal, message) => expect(closedDealMessage(deal, 'X')).toBe(message));
});

describe('commitment warnings: who gave it and whether they decide', () => {
  it.each([
    ['firm', 0, true, false], ['firm', 1, false, false], ['firm', null, false, false],
    ['delegate', 1, false, true], ['delegate', 0, false, false], ['delegate', null, false, false], ['low', 1, false, false],
  ] as const)('%s from decision_maker=%s: firm-from-non-decider %s, delegate-from-decider %s', (kind, dm, firm, delegate) => {
    expect(firmFromNonDecider(kind, dm)).toBe(firm);
    expect(delegateFromDecider(kind, dm)).toBe(delegate);
  });
});

describe('forecast: a pending firm commitment is not undone by a later, weaker one', () => {
  it.each([
    ['open', { kind: 'firm', status: 'pending' }, false, 'forecast', false],
    ['open', { kind: 'low', status: 'pending' }, true, 'forecast', true],
    ['open', { kind: 'delegate', status: 'pending' }, true, 'forecast', true],
    ['open', { kind: 'low', status: 'pending' }, false, 'pipeline', false],
    ['open', { kind: 'low', status: 'kept' }, true, 'forecast', true],
    ['open', { kind: 'firm', status: 'broken' }, false, 'out', false],
    ['not-now', { kind: 'low', status: 'pending' }, true, 'out', false],
    ['open', null, false, 'out', false],
  ] as const)('%s deal, latest %o, firm pending %s → %s (kept %s)', (status, latest, firmPending, place, kept) => {
    expect(forecastPlace(status, latest, firmPending)).toBe(place);
    expect(keptByEarlierFirm(status, latest, firmPending)).toBe(kept);
  });
});

describe('outcomeMismatch: a post-mortem agrees with the deal', () => {
  it.each([
    ['won', 'won', null], ['lost', 'lost', null], ['stalled', 'open', null], ['stalled', 'not-now', null], ['stalled', 'lost', null],
    ['won', 'open', 'a won post-mortem is for a won deal, and deal #4 is open: use --outcome stalled, or close it first (salesctl close 4 won)'],
    ['lost', 'not-now', 'a lost post-mortem is for a lost deal, and deal #4 is not-now: use --outcome stalled, or close it first (salesctl close 4 lost)'],
    ['won', 'lost', 'a won post-mortem is for a won deal, and deal #4 is lost: use --outcome lost'],
    ['stalled', 'won', 'a stalled post-mortem is for an open, not-now or lost deal, and deal #4 is won: use --outcome won'],
  ] as const)('%s on a %s deal', (outcome, status, message) => expect(outcomeMismatch(outcome, status, 4)).toBe(message));
});

describe('mergeProspect: fills what is empty, names what differs, replaces only with --update', () => {
  const stored: ProspectDetails = {
    name: 'Budi Santoso', company: 'PT Maju', role: null, email: 'budi@maju.id', phone: null, decision_maker: 0, segment: null,
    tz: 'Asia/Jakarta', best_time_start: '10:00', best_time_end: '12:00', channel: null, notes: null,
  };
  const none: ProspectDetails = { ...stored, role: null, email: null, phone: null, decision_maker: null, segment: null, tz: null, best_time_start: null, best_time_end: null, channel: null, notes: null };
  it('fills empty details and changes nothing given the same', () => {
    expect(mergeProspect(stored, { ...none, role: 'Ops', phone: '+62', email: 'budi@maju.id' }, false)).toEqual({ changes: { role: 'Ops', phone: '+62' }, differences: [] });
  });
  it('names each differing detail and keeps it', () => {
    const given = { ...none, name: 'budi santoso', company: 'pt maju', tz: 'Europe/Berlin', decision_maker: 1 as const, best_time_start: '14:00', best_time_end: '16:00' };
    const { changes, differences } = mergeProspect(stored, given, false);
    expect(changes).toEqual({});
    expect(differences.map((d) => d.label)).toEqual(['name spelling', 'company spelling', 'decision maker', 'zone', 'best time']);
    expect(differenceWarning('Budi Santoso (PT Maju)', differences, false)).toBe(
      "Budi Santoso (PT Maju) exists and keeps name spelling 'Budi Santoso' (not 'budi santoso'), company spelling 'PT Maju' (not 'pt maju'), " +
        "decision maker 'does not decide' (not 'decides'), zone 'Asia/Jakarta' (not 'Europe/Berlin'), best time '10:00-12:00' (not '14:00-16:00'): add --update to replace",
    );
  });
  it('replaces them with --update, and says so', () => {
    const { changes, differences } = mergeProspect(stored, { ...none, tz: 'Europe/Berlin', best_time_start: '14:00', best_time_end: '16:00' }, true);
    expect(changes).toEqual({ tz: 'Europe/Berlin', best_time_start: '14:00', best_time_end: '16:00' });
    expect(differenceWarning('Budi', differences, true)).toBe("Budi exists: replaced zone 'Asia/Jakarta' → 'Europe/Berlin', best time '10:00-12:00' → '14:00-16:00' (--update), on every deal of theirs");
  });
});

describe('dueDayWarning: completing a follow-up not due today', () => {
  const now = new Date('2026-11-23T01:30:00Z'); // Mon 23 Nov 08:30 in Jakarta
  const followup = (dueAt: string) => ({ id: 7, dueAt, prospect: 'Hans', company: 'Acme' });
  it.each([
    ['2026-11-23T09:00:00Z', null],
    ['2026-11-22T17:30:00Z', null], // 00:30 on the 23rd in Jakarta
    ['2026-11-26T03:00:00Z', { message: "follow-up #7 is Hans (Acme)'s, due Thu 26 Nov, not today: check the Id in 'salesctl due' if you meant another", later: true }],
    ['2026-11-20T03:00:00Z', { message: "follow-up #7 is Hans (Acme)'s, due Fri 20 Nov (overdue): check the Id in 'salesctl due' if you meant another", later: false }],
    ['2027-01-05T03:00:00Z', { message: "follow-up #7 is Hans (Acme)'s, due Tue 5 Jan 2027, not today: check the Id in 'salesctl due' if you meant another", later: true }],
  ])('due %s', (dueAt, expected) => expect(dueDayWarning(followup(dueAt), now, 'Asia/Jakarta')).toEqual(expected));
});

describe('suggestZones: the IANA names nearest to what was typed', () => {
  const known = ['Europe/Berlin', 'America/New_York', 'Asia/Jakarta', 'Asia/Jayapura', 'America/Argentina/Buenos_Aires', 'Europe/London', 'UTC'];
  it.each([
    ['Berlin', ['Europe/Berlin']], ['berlin', ['Europe/Berlin']], ['new york', ['America/New_York']], ['New_York', ['America/New_York']],
    ['Buenos Aires', ['America/Argentina/Buenos_Aires']], ['Asia/Jakata', ['Asia/Jakarta']], ['Jakarta', ['Asia/Jakarta']], ['Londn', ['Europe/London']],
    ['Mars/Olympus', []], ['', []],
  ])('%s → %o', (given, expected) => expect(suggestZones(given, known)).toEqual(expected));
});

describe('describeChange: one line per change in the salesperson words', () => {
  const deals = new Map([[4, '#4 Fleet — Budi'], [5, '#5 Boat — Ann']]);
  const prospects = new Map([[2, 'Budi (PT Maju)']]);
  const row = (tbl: string, op: LoggedChange['op'], id: number, deal: number | null, note: string | null = null): LoggedChange => ({ tbl, op, row_id: id, row_last: id, deal_id: deal, note });
  it.each([
    [[row('prospects', 'insert', 2, null), row('deals', 'insert', 4, 4), row('events', 'insert', 1, 4)], '#4 Fleet — Budi: deal added; new prospect Budi (PT Maju)'],
    [[row('prospects', 'update', 2, null), row('deals', 'insert', 4, 4)], '#4 Fleet — Budi: deal added; details of Budi (PT Maju) changed'],
    [[row('followups', 'update', 7, 4, 'scheduled>cancelled'), row('deals', 'update', 4, 4, 'open>not-now'), row('followups', 'insert', 9, 4)],
      '#4 Fleet — Budi: closed as not-now, follow-up #9 scheduled, 1 follow-up cancelled'],
    [[row('followups', 'update', 7, 4, 'scheduled>done'), row('followups', 'insert', 8, 4)], '#4 Fleet — Budi: follow-up #7 done, follow-up #8 scheduled'],
    [[row('commitments', 'update', 1, 4, 'pending>superseded'), row('commitments', 'insert', 2, 4)], '#4 Fleet — Budi: commitment #2 recorded, 1 pending commitment superseded'],
    [[row('commitments', 'update', 1, 5, 'pending>kept')], '#5 Boat — Ann: commitment #1 marked kept'],
    [[row('deals', 'update', 4, 4, 'not-now>open')], '#4 Fleet — Budi: reopened (was not-now)'],
    [[row('deals', 'update', 4, 4, 'open>open')], '#4 Fleet — Budi: deal details changed'],
    [[row('deals', 'update', 4, 4, 'open>open rhythm')], '#4 Fleet — Budi: rhythm changed'],
    [[row('deals', 'update', 4, 4, 'open>not-now'), row('deals', 'update', 4, 4, 'not-now>not-now rhythm')], '#4 Fleet — Budi: closed as not-now, rhythm changed'],
    [[row('deals', 'insert', 4, 4), row('deals', 'update', 4, 4, 'open>open rhythm')], '#4 Fleet — Budi: deal added, rhythm changed'],
    [[row('followups', 'update', 7, 4, 'scheduled>scheduled')], '#4 Fleet — Budi: follow-up #7 moved'],
    [[row('journal', 'insert', 3, 9)], 'deal #9: journal line written'],
    [[row('postmortems', 'insert', 1, 5), row('postmortem_causes', 'insert', 1, null)], '#5 Boat — Ann: post-mortem written'],
    [[1, 2, 3, 4, 5].map((id) => row('deals', 'insert', id, id)), '5 deals added'],
    [[row('events', 'insert', 1, 4)], 'a change with nothing to show'],
  ])('%#', (rows, line) => expect(describeChange(rows, deals, prospects)).toBe(line));
});
