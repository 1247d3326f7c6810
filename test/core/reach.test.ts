import { describe, expect, it } from 'vitest';
import { isReached, tallyReach, type Attempt } from '../../src/core/reach.js';

const attempt = (channel: string, outcome: string | null, completedAt: string, tz: string | null = null): Attempt => ({ channel, outcome, completedAt, tz });

describe('tallyReach', () => {
  it('counts per channel and hour of the prospect\'s day, sorted by channel then hour', () => {
    const cells = tallyReach(
      [
        attempt('call', 'reached', '2026-11-23T03:10:00Z', 'Asia/Jakarta'), // 10h in Jakarta
        attempt('call', 'no-answer', '2026-11-24T03:50:00Z', 'Asia/Jakarta'), // 10h
        attempt('call', 'voicemail', '2026-11-23T01:30:00Z', 'Asia/Jakarta'), // 08h
        attempt('email', 'replied', '2026-11-23T15:00:00Z', 'America/New_York'), // 10h in New York
        attempt('call', 'meeting-held', '2026-11-23T14:00:00Z', null), // 14h local (UTC)
        attempt('chat', 'bounced', '2026-11-23T03:00:00Z', 'Asia/Jakarta'),
      ],
      'UTC',
    );
    expect(cells).toEqual([
      { channel: 'call', hour: 8, attempts: 1, reached: 0 },
      { channel: 'call', hour: 10, attempts: 2, reached: 1 },
      { channel: 'call', hour: 14, attempts: 1, reached: 1 },
      { channel: 'chat', hour: 10, attempts: 1, reached: 0 },
      { channel: 'email', hour: 10, attempts: 1, reached: 1 },
    ]);
  });
  it('uses the local zone for prospects without one', () => {
    expect(tallyReach([attempt('sms', 'replied', '2026-11-23T03:00:00Z')], 'Asia/Jakarta')).toEqual([
      { channel: 'sms', hour: 10, attempts: 1, reached: 1 },
    ]);
  });
  it('is empty with no attempts', () => {
    expect(tallyReach([], 'UTC')).toEqual([]);
  });
});

describe('isReached', () => {
  it.each([
    ['reached', true],
    ['replied', true],
    ['meeting-held', true],
    ['no-answer', false],
    ['voicemail', false],
    ['bounced', false],
    ['no-show', false],
    [null, false],
  ])('%s → %s', (outcome, expected) => {
    expect(isReached(outcome)).toBe(expected);
  });
});

describe('the hour is read in the prospect zone', () => {
  it.each([
    ['2026-11-23T00:30:00Z', 'UTC', 0],
    ['2026-11-23T23:59:00Z', 'UTC', 23],
    ['2026-11-23T17:00:00Z', 'Asia/Jakarta', 0],
    ['2026-03-08T07:30:00Z', 'America/New_York', 3], // just after spring forward
    ['2026-03-08T06:30:00Z', 'America/New_York', 1],
    ['2026-11-23T03:00:00Z', 'Asia/Kolkata', 8],
  ])('%s in %s → %d', (at, zone, hour) => {
    expect(tallyReach([attempt('call', 'reached', at, zone)], 'UTC')[0]!.hour).toBe(hour);
  });
});
