// An instant shown to a person: every form of it, from its one home.
import { describe, expect, it } from 'vitest';
import { day, dayAndTime, formatWhen, instant, instantFormatter, when } from '../../src/render/instant.js';
import type { View } from '../../src/render/text.js';

const view = (isTTY: boolean, zone = 'Asia/Jakarta'): View => ({ isTTY, color: false, now: new Date('2026-11-23T01:00:00Z'), zone });

describe('when', () => {
  it.each([
    ['2026-11-23T03:00:00.000Z', true, 'Mon 23 Nov 10:00'],
    ['2027-01-04T03:00:00.000Z', true, 'Mon 4 Jan 2027 10:00'], // another year says which
    ['2026-12-31T17:30:00.000Z', true, 'Fri 1 Jan 2027 00:30'], // the year of the local date
    ['2026-11-23T03:00:00.000Z', false, '2026-11-23T10:00:00+07:00'],
    [null, true, '—'],
    [null, false, ''],
    ['', false, ''],
  ])('%j on a terminal: %s → %j', (value, isTTY, expected) => expect(when(value, view(isTTY))).toBe(expected));
});

describe('day', () => {
  it.each([
    ['2026-11-23T03:00:00.000Z', true, 'Mon 23 Nov'],
    ['2025-11-23T03:00:00.000Z', true, 'Sun 23 Nov 2025'],
    ['2026-11-22T17:30:00.000Z', true, 'Mon 23 Nov'], // the local day
    ['2026-11-22T17:30:00.000Z', false, '2026-11-23'],
  ])('%j on a terminal: %s → %j', (value, isTTY, expected) => expect(day(value, view(isTTY))).toBe(expected));
});

describe('formatWhen, dayAndTime, instant', () => {
  const at = new Date('2026-12-03T02:00:00Z');
  it.each([
    [() => formatWhen(at, 'Asia/Jakarta'), 'Thu 3 Dec 2026 09:00'],
    [() => formatWhen(at, 'Asia/Jakarta', false), 'Thu 3 Dec 2026'],
    [() => formatWhen(at, 'America/New_York'), 'Wed 2 Dec 2026 21:00'],
    [() => dayAndTime(at, 'Asia/Jakarta'), 'Thu 3 Dec 09:00'],
    [() => dayAndTime('2026-12-03T02:00:00.000Z', 'Asia/Kolkata', false), 'Thu 3 Dec'],
    [() => instant('2026-12-03T02:00:00.000Z', 'Asia/Kolkata'), '2026-12-03T07:30:00+05:30'],
    [() => instant(null, 'Asia/Kolkata'), null],
  ])('%s → %j', (format, expected) => expect(format()).toBe(expected));
});

describe('instantFormatter', () => {
  // The per-day fast path and the exact way must agree: whole-hour zones, odd offsets, a day with a change.
  it.each(['Asia/Jakarta', 'Asia/Kolkata', 'America/New_York', 'UTC', 'Australia/Lord_Howe'])('agrees with instant() in %s', (zone) => {
    const format = instantFormatter(zone);
    for (let ms = Date.UTC(2026, 2, 7); ms < Date.UTC(2026, 2, 10); ms += 37 * 60_000 + 1_001) {
      const stored = new Date(ms).toISOString();
      expect(format(stored)).toBe(instant(stored, zone));
    }
    expect(format('2026-11-22 08:00:00')).toBe(instant('2026-11-22 08:00:00', zone));
  });
});
