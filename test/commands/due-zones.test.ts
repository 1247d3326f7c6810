import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../src/render/zoneNames.js';
import { theirTime, theirTimes } from '../../src/render/theirTime.js';

// zoneLabel reads the zone's name from a table, not Intl (start-up time) nor the Date object (the user's
// locale); it must say what en-US Intl would, in standard and daylight time, around the changes too.
describe('zoneLabel', () => {
  it.each([['2026-01-15T12:00:00Z'], ['2026-07-15T12:00:00Z'], ['2026-03-08T12:00:00Z'], ['2026-11-01T05:30:00Z'], ['2026-10-25T12:00:00Z'], ['2027-04-01T00:00:00Z']])('names every zone as en-US Intl does, at %s', (when) => {
    const at = new Date(when);
    const differ = Intl.supportedValuesOf('timeZone').flatMap((zone) => {
      const short = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
      const expected = /^[A-Z]{2,5}$/.test(short) ? short : zone.split('/').pop()!.replace(/_/g, ' ');
      const label = zoneLabel(zone, at);
      return label === expected ? [] : [`${zone}: ${label}, Intl says ${expected}`];
    });
    expect(differ).toEqual([]);
  });

  it.each([
    ['America/New_York', '2026-01-15T12:00:00Z', 'EST'],
    ['America/New_York', '2026-07-15T12:00:00Z', 'EDT'],
    ['Asia/Jakarta', '2026-07-15T12:00:00Z', 'Jakarta'],
    ['America/Argentina/Buenos_Aires', '2026-07-15T12:00:00Z', 'Buenos Aires'],
    ['Europe/London', '2026-01-15T12:00:00Z', 'GMT'],
    ['Europe/London', '2026-07-15T12:00:00Z', 'London'],
    ['US/Eastern', '2026-07-15T12:00:00Z', 'EDT'],
    ['Etc/UTC', '2026-07-15T12:00:00Z', 'UTC'],
  ])('%s at %s is %s', (zone, when, label) => {
    expect(zoneLabel(zone, new Date(when))).toBe(label);
  });

  it('leaves the process zone as it was', () => {
    const before = process.env.TZ;
    zoneLabel('America/Chicago', new Date());
    expect(process.env.TZ).toBe(before);
  });
});

describe('theirTimes', () => {
  it('says for many follow-ups at once what theirTime says for each', () => {
    const zones = [...Intl.supportedValuesOf('timeZone'), 'US/Eastern', 'Etc/UTC', 'UTC', 'EST5EDT', 'asia/jakarta', 'Etc/GMT+5'];
    const instants = ['2026-01-15T12:00:00Z', '2026-03-08T06:59:00Z', '2026-03-08T07:01:00Z', '2026-07-15T23:30:00Z', '2026-11-01T05:30:00Z', '2027-12-31T20:00:00Z'];
    const items = zones.flatMap((tz) => instants.map((at) => ({ dueAt: new Date(at), tz })));
    for (const zone of ['Asia/Jakarta', 'America/New_York', 'UTC']) {
      const batch = theirTimes(items, zone);
      const differ = items.flatMap((item, i) => (batch[i] === theirTime(item.dueAt, item.tz, zone) ? [] : [`${item.tz} ${item.dueAt.toISOString()} in ${zone}: ${batch[i]} vs ${theirTime(item.dueAt, item.tz, zone)}`]));
      expect(differ).toEqual([]);
    }
    expect(theirTimes([{ dueAt: new Date('2026-07-15T12:00:00Z'), tz: null }], 'UTC')).toEqual(['']);
  });
});
