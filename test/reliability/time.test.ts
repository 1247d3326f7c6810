// "Today", "overdue" and "tomorrow" in every zone, across daylight-saving changes, at 23:30 and 00:30 local.
import { describe, expect, it } from 'vitest';
import { addDays, zonedInstant } from '../../src/core/time.js';
import { harness } from '../helpers.js';
import { DAYS } from './days.js';
import { removeDir, spawnCli, tempDir } from './support.js';

/** Follow-ups around a local `date` in `zone`, by name: [local date, local time]. */
function around(date: string): Record<string, [string, string]> {
  return {
    yesterdayLate: [addDays(date, -1), '23:50'],
    todayEarly: [date, '00:40'],
    todayLate: [date, '23:50'],
    todayLast: [date, '23:59'],
    tomorrowEarly: [addDays(date, 1), '00:10'],
    tomorrowMorning: [addDays(date, 1), '09:00'],
  };
}

interface DueItem {
  followup_id: number;
  overdue: boolean;
}

/** Schedules the follow-ups of `around(date)` and returns `due --json` at `time` local on `date`. */
async function dueAt(zone: string, date: string, time: string): Promise<Record<string, boolean | 'absent'>> {
  const now = zonedInstant(date, time, zone).toISOString();
  const h = harness(now, zone);
  await h.run(['add', 'Budi']);
  const names = Object.keys(around(date));
  for (const [day, clock] of Object.values(around(date))) {
    const run = await h.run(['followup', '1', '--at', `${day} ${clock}`]);
    expect(run.code).toBe(0);
  }
  const { stdout, code } = await h.run(['due', '--json']);
  expect(code).toBe(0);
  const items = JSON.parse(stdout).items as DueItem[];
  return Object.fromEntries(names.map((name, i) => [name, items.find((item) => item.followup_id === i + 1)?.overdue ?? 'absent']));
}

describe('due: today, overdue and tomorrow', () => {
  it.each(DAYS)('at 23:30 local in %s on %s', async (zone, date) => {
    expect(await dueAt(zone, date, '23:30')).toEqual({
      yesterdayLate: true,
      todayEarly: true,
      todayLate: false,
      todayLast: false,
      tomorrowEarly: 'absent',
      tomorrowMorning: 'absent',
    });
  });

  it.each(DAYS)('at 00:30 local in %s on %s', async (zone, date) => {
    expect(await dueAt(zone, date, '00:30')).toEqual({
      yesterdayLate: true,
      todayEarly: false,
      todayLate: false,
      todayLast: false,
      tomorrowEarly: 'absent',
      tomorrowMorning: 'absent',
    });
  });

  it.each(DAYS)("'tomorrow 00:10' and 'today 23:50' said at 23:30 in %s on %s are the right local days", async (zone, date) => {
    const h = harness(zonedInstant(date, '23:30', zone).toISOString(), zone);
    await h.run(['add', 'Budi']);
    const tomorrow = JSON.parse((await h.run(['followup', '1', '--at', 'tomorrow 00:10', '--json'])).stdout);
    const today = JSON.parse((await h.run(['followup', '1', '--at', 'today 23:50', '--json'])).stdout);
    expect(new Date(tomorrow.due_at).toISOString()).toBe(zonedInstant(addDays(date, 1), '00:10', zone).toISOString());
    expect(new Date(today.due_at).toISOString()).toBe(zonedInstant(date, '23:50', zone).toISOString());
    const due = JSON.parse((await h.run(['due', '--json'])).stdout);
    expect(due.items.map((i: DueItem) => i.followup_id)).toEqual([today.id]);
    const untilTomorrow = JSON.parse((await h.run(['due', '--until', 'tomorrow', '--json'])).stdout);
    expect(untilTomorrow.items.map((i: DueItem) => i.followup_id)).toEqual([today.id, tomorrow.id]);
  });
});

describe('due under the TZ of the process (e2e)', () => {
  it.each([
    ['America/New_York', '2026-03-08'],
    ['Australia/Lord_Howe', '2026-10-03'],
    ['Pacific/Kiritimati', '2026-11-22'],
  ])('TZ=%s on %s at 23:30: today in, 00:10 tomorrow out', async (zone, date) => {
    const dir = tempDir('salesctl-tz-');
    try {
      const env = { TZ: zone, SALESCTL_DB: `${dir}/sales.db`, SALESCTL_NOW: zonedInstant(date, '23:30', zone).toISOString() };
      expect((await spawnCli(['add', 'Budi'], env)).code).toBe(0);
      expect((await spawnCli(['followup', '1', '--at', 'today 23:50'], env)).code).toBe(0);
      expect((await spawnCli(['followup', '1', '--at', 'tomorrow 00:10'], env)).code).toBe(0);
      expect((await spawnCli(['followup', '1', '--at', `${date} 23:00`], env)).code).toBe(0);
      const due = JSON.parse((await spawnCli(['due', '--json'], env)).stdout);
      expect(due.items.map((i: DueItem) => [i.followup_id, i.overdue])).toEqual([[3, true], [1, false]]);
      expect(due.items[1].due_at).toBe(`${date}T23:50:00${due.items[1].due_at.slice(-6)}`);
    } finally {
      removeDir(dir);
    }
  });
});
