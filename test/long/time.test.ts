// The time rules through the built binary under each TZ: every day of test/reliability/days.ts, at 23:30
// and at 00:30 local, with the follow-ups typed as a user would.
import { describe, expect, it } from 'vitest';
import { addDays, zonedInstant } from '../../src/core/time.js';
import { DAYS } from '../reliability/days.js';
import { removeDir, spawnCli, tempDir } from '../reliability/support.js';

describe.each(DAYS)('TZ=%s on %s', (zone, date) => {
  it.each([['23:30'], ['00:30']])('at %s local: overdue, today and tomorrow are right', async (time) => {
    const dir = tempDir('salesctl-long-tz-');
    try {
      const env = { TZ: zone, SALESCTL_DB: `${dir}/sales.db`, SALESCTL_NOW: zonedInstant(date, time, zone).toISOString() };
      expect((await spawnCli(['add', 'Budi'], env)).code).toBe(0);
      const at = [
        `${addDays(date, -1)} 23:50`, // 1: yesterday: overdue
        `${date} 00:10`, // 2: overdue at 00:30 and at 23:30
        `${date} 23:50`, // 3: today, later
        'tomorrow 00:10', // 4: tomorrow: not today
        `${addDays(date, 1)} 00:00`, // 5: tomorrow's first minute: not today
      ];
      for (const when of at) expect((await spawnCli(['followup', '1', '--at', when], env)).code).toBe(0);
      const due = JSON.parse((await spawnCli(['due', '--json'], env)).stdout);
      expect(due.items.map((i: { followup_id: number; overdue: boolean }) => [i.followup_id, i.overdue])).toEqual([[1, true], [2, true], [3, false]]);
      const tomorrow = JSON.parse((await spawnCli(['due', '--until', 'tomorrow', '--json'], env)).stdout);
      expect(tomorrow.items.map((i: { followup_id: number }) => i.followup_id)).toEqual([1, 2, 3, 5, 4]);
    } finally {
      removeDir(dir);
    }
  });
});
