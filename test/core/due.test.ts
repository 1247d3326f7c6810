import { describe, expect, it } from 'vitest';
import { dueWindowEnd, isOverdue, overdueLabel } from '../../src/core/due.js';

const NOW = new Date('2026-11-22T08:00:00Z'); // 15:00 in Jakarta, 03:00 in New York

describe('dueWindowEnd', () => {
  it.each([
    ['UTC', undefined, '2026-11-23T00:00:00.000Z'],
    ['Asia/Jakarta', undefined, '2026-11-22T17:00:00.000Z'],
    ['America/New_York', undefined, '2026-11-23T05:00:00.000Z'],
    // A date alone means the end of that local day.
    ['Asia/Jakarta', { at: new Date('2026-11-25T02:00:00Z'), hadTime: false, date: '2026-11-25' }, '2026-11-25T17:00:00.000Z'],
    // A time is included.
    ['UTC', { at: new Date('2026-11-23T10:00:00Z'), hadTime: true, date: '2026-11-23' }, '2026-11-23T10:00:00.001Z'],
    // Never before now: the overdue ones always show.
    ['UTC', { at: new Date('2026-11-20T10:00:00Z'), hadTime: true, date: '2026-11-20' }, '2026-11-22T08:00:00.000Z'],
    // The local day after a DST change is 23 hours long.
    ['America/New_York', { at: new Date('2027-03-14T14:00:00Z'), hadTime: false, date: '2027-03-14' }, '2027-03-15T04:00:00.000Z'],
  ])('in %s until %o → %s', (zone, until, expected) => {
    expect(dueWindowEnd(NOW, zone, until).toISOString()).toBe(expected);
  });
});

describe('overdueLabel', () => {
  it.each([
    ['2026-11-22T07:20:00Z', 'UTC', '40m overdue'],
    ['2026-11-22T07:59:59Z', 'UTC', '1m overdue'],
    ['2026-11-22T05:00:00Z', 'UTC', '3h overdue'],
    ['2026-11-21T23:00:00Z', 'UTC', '1d overdue'], // yesterday in UTC, though only 9 hours ago
    ['2026-11-21T23:00:00Z', 'Asia/Jakarta', '9h overdue'], // 06:00 today in Jakarta
    ['2026-11-20T09:00:00Z', 'UTC', '2d overdue'],
  ])('%s in %s → %s', (dueAt, zone, expected) => {
    expect(overdueLabel(new Date(dueAt), NOW, zone)).toBe(expected);
  });
});

describe('isOverdue', () => {
  it.each([
    ['2026-11-22T07:59:59Z', true],
    ['2026-11-22T08:00:00Z', false],
    ['2026-11-22T09:00:00Z', false],
  ])('%s overdue → %s', (dueAt, expected) => {
    expect(isOverdue(new Date(dueAt), NOW)).toBe(expected);
  });
});
