import { describe, expect, it } from 'vitest';
import { zoneLabel } from '../../src/render/due.js';

// zoneLabel reads the zone's name without Intl (start-up time); it must say what Intl would.
describe('zoneLabel', () => {
  it.each([['2026-01-15T12:00:00Z'], ['2026-07-15T12:00:00Z']])('names every zone as en-US Intl does, at %s', (when) => {
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
  ])('%s at %s is %s', (zone, when, label) => {
    expect(zoneLabel(zone, new Date(when))).toBe(label);
  });

  it('leaves the process zone as it was', () => {
    const before = process.env.TZ;
    zoneLabel('America/Chicago', new Date());
    expect(process.env.TZ).toBe(before);
  });
});
