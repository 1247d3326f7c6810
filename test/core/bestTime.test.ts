import { describe, expect, it } from 'vitest';
import { bestTimeWarning, dateOnlyRule, formatBestTime, parseBestTime, storedBestTimeText, withinBestTime } from '../../src/core/bestTime.js';

describe('parseBestTime', () => {
  it.each([
    ['10:00-12:00', '10:00-12:00'],
    ['9:30 - 11:00', '09:30-11:00'],
    ['08:00–17:00', '08:00-17:00'],
    ['20:00-24:00', '20:00-24:00'],
  ])('%s → %s', (text, expected) => {
    expect(formatBestTime(parseBestTime(text))).toBe(expected);
  });
  it.each(['10-12', '12:00-10:00', '10:00-10:00', '25:00-26:00', '10:60-11:00', 'mornings'])('refuses %s', (text) => {
    expect(() => parseBestTime(text)).toThrow(/--best-time/);
  });
});

describe('withinBestTime', () => {
  const window = { start: '10:00', end: '12:00' };
  it.each([
    ['2026-11-23T03:00:00Z', 'Asia/Jakarta', true], // 10:00 WIB: the start is inside
    ['2026-11-23T04:59:00Z', 'Asia/Jakarta', true],
    ['2026-11-23T05:00:00Z', 'Asia/Jakarta', false], // 12:00 WIB: the end is outside
    ['2026-11-23T01:30:00Z', 'Asia/Jakarta', false], // 08:30 WIB
    ['2026-11-23T10:00:00Z', 'UTC', true],
    ['2026-11-23T15:00:00Z', 'America/New_York', true], // 10:00 EST
    ['2026-07-23T14:00:00Z', 'America/New_York', true], // 10:00 EDT
    ['2026-07-23T13:00:00Z', 'America/New_York', false], // 09:00 EDT
  ])('%s in %s → %s', (at, zone, expected) => {
    expect(withinBestTime(new Date(at), window, zone)).toBe(expected);
  });
});

describe('bestTimeWarning', () => {
  const budi = { name: 'Budi', tz: 'Asia/Jakarta', bestTime: { start: '10:00', end: '12:00' } };
  it.each([
    // 08:30 WIB is when Budi is busy with internal matters.
    [budi, '2026-11-23T01:30:00Z', 'UTC', '08:30 for Budi (Asia/Jakarta) is outside their best time 10:00-12:00'],
    [budi, '2026-11-23T03:30:00Z', 'UTC', null],
    [{ ...budi, tz: null }, '2026-11-23T03:30:00Z', 'UTC', '03:30 for Budi (UTC) is outside their best time 10:00-12:00'],
    [{ ...budi, tz: null }, '2026-11-23T03:30:00Z', 'Asia/Jakarta', null],
    [{ ...budi, bestTime: null }, '2026-11-23T01:30:00Z', 'UTC', null],
  ])('%o at %s (local %s) → %s', (who, at, zone, expected) => {
    expect(bestTimeWarning(new Date(at), who, zone)).toBe(expected);
  });
});

describe('dateOnlyRule: where a date without a time lands', () => {
  it.each<[{ tz: string | null; best_time_start: string | null }, string, { time: string; zone: string }]>([
    [{ tz: 'Asia/Jakarta', best_time_start: '10:00' }, 'UTC', { time: '10:00', zone: 'Asia/Jakarta' }], // their window's start, their zone
    [{ tz: 'Asia/Jakarta', best_time_start: null }, 'UTC', { time: '09:00', zone: 'Asia/Jakarta' }], // 09:00 in their zone
    [{ tz: null, best_time_start: '14:30' }, 'Europe/Berlin', { time: '14:30', zone: 'Europe/Berlin' }], // a window, no zone: local
    [{ tz: null, best_time_start: null }, 'Europe/Berlin', { time: '09:00', zone: 'Europe/Berlin' }], // nothing known: 09:00 local
  ])('%o (local %s) → %o', (who, local, expected) => {
    expect(dateOnlyRule(who, local)).toEqual(expected);
  });
});

describe('storedBestTimeText: the two stored columns as one window', () => {
  it.each<[string | null, string | null, string | null]>([
    ['10:00', '12:00', '10:00-12:00'],
    [null, null, null],
    ['10:00', null, null],
    [null, '12:00', null],
  ])('%s, %s → %s', (start, end, expected) => {
    expect(storedBestTimeText({ best_time_start: start, best_time_end: end })).toBe(expected);
  });
});
