import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../src/render/zoneNames.js';

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
