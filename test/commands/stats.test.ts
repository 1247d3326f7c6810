import { beforeEach, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../helpers.js';
import { ok } from './followups-fixture.js';

let h: Harness;
/** A completed follow-up of `deal`, done at `at`. */
function done(deal: number, channel: string, outcome: string, at: string): void {
  h.db.prepare("INSERT INTO followups (deal_id, due_at, channel, purpose, status, outcome, created_at, completed_at) VALUES (?, ?, ?, 'follow-up', 'done', ?, ?, ?)")
    .run(deal, at, channel, outcome, at, at);
}

beforeEach(async () => {
  h = harness('2026-11-22T08:00:00Z', 'UTC');
  await ok(h, ['add', 'Budi Santoso', '--company', 'PT Maju', '--tz', 'Asia/Jakarta']);
  await ok(h, ['add', 'Ann Lee', '--company', 'Acme', '--tz', 'America/New_York']);
  await ok(h, ['add', 'Ann Other', '--company', 'Beta']);
  // Budi answers calls at 10:00 his time, never at 08:00; replies to email in the afternoon.
  done(1, 'call', 'reached', '2026-11-16T03:05:00.000Z'); // 10:05 WIB
  done(1, 'call', 'reached', '2026-11-17T03:40:00.000Z');
  done(1, 'call', 'no-answer', '2026-11-18T03:10:00.000Z');
  done(1, 'call', 'no-answer', '2026-11-18T01:30:00.000Z'); // 08:30 WIB
  done(1, 'call', 'voicemail', '2026-11-19T01:15:00.000Z');
  done(1, 'email', 'replied', '2026-11-19T07:00:00.000Z'); // 14:00 WIB
  done(2, 'call', 'meeting-held', '2026-11-19T15:00:00.000Z'); // 10:00 EST
  done(2, 'call', 'no-show', '2026-11-19T20:00:00.000Z'); // 15:00 EST
  done(3, 'sms', 'replied', '2026-11-19T09:00:00.000Z'); // no zone: local (UTC)
  h.db.prepare("INSERT INTO followups (deal_id, due_at, channel, purpose, status, created_at) VALUES (1, '2026-11-23T03:00:00.000Z', 'call', 'follow-up', 'scheduled', '2026-11-20T00:00:00.000Z')").run();
});

describe('salesctl stats reach', () => {
  it('counts attempts and reached per channel and hour of the prospect\'s day', async () => {
    const r = await h.run(['stats', 'reach', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { channel: 'call', hour: 8, attempts: 2, reached: 0 },
      { channel: 'call', hour: 10, attempts: 4, reached: 3 },
      { channel: 'call', hour: 15, attempts: 1, reached: 0 },
      { channel: 'email', hour: 14, attempts: 1, reached: 1 },
      { channel: 'sms', hour: 9, attempts: 1, reached: 1 },
    ]);
  });

  it('draws a chart on a terminal', async () => {
    const r = await h.run(['stats', 'reach'], { tty: true });
    expect(r.stdout).toBe(
      [
        "Reached by hour of day, in the prospect's zone",
        '(▁ none … █ all reached, · no attempts)',
        '         0     6     12    18    ',
        'call     ········▁·▆····▁········  3/7 reached (43%) · best 10:00 (3/4)',
        'email    ··············█·········  1/1 reached (100%) · best 14:00 (1/1)',
        'sms      ·········█··············  1/1 reached (100%) · best 09:00 (1/1)',
        '',
      ].join('\n'),
    );
  });

  it('prints TSV in a pipe and CSV with --csv', async () => {
    expect((await h.run(['stats', 'reach'])).stdout).toBe('call\t8\t2\t0\ncall\t10\t4\t3\ncall\t15\t1\t0\nemail\t14\t1\t1\nsms\t9\t1\t1\n');
    expect((await h.run(['stats', 'reach', '--csv'])).stdout).toBe('channel,hour,attempts,reached\ncall,8,2,0\ncall,10,4,3\ncall,15,1,0\nemail,14,1,1\nsms,9,1,1\n');
  });

  it('narrows to one prospect by name, company or id', async () => {
    const budi = [
      { channel: 'call', hour: 8, attempts: 2, reached: 0 },
      { channel: 'call', hour: 10, attempts: 3, reached: 2 },
      { channel: 'email', hour: 14, attempts: 1, reached: 1 },
    ];
    expect(JSON.parse((await h.run(['stats', 'reach', '--prospect', 'budi', '--json'])).stdout)).toEqual(budi);
    expect(JSON.parse((await h.run(['stats', 'reach', '--prospect', 'PT Maju', '--json'])).stdout)).toEqual(budi);
    expect(JSON.parse((await h.run(['stats', 'reach', '--prospect', '#2', '--json'])).stdout)).toEqual([
      { channel: 'call', hour: 10, attempts: 1, reached: 1 },
      { channel: 'call', hour: 15, attempts: 1, reached: 0 },
    ]);
  });

  it('refuses an ambiguous or unknown prospect with exit 3', async () => {
    expect(await h.run(['stats', 'reach', '--prospect', 'ann'])).toEqual({
      code: 3, stdout: '', stderr: "salesctl: 'ann' matches 2 prospects: give the prospect id (#N) or more of the name\n  #2 Ann Lee (Acme)\n  #3 Ann Other (Beta)\n",
    });
    expect(await h.run(['stats', 'reach', '--prospect', 'Zed'])).toEqual({
      code: 3, stdout: '', stderr: "salesctl: no prospect matches 'Zed': run 'salesctl list --status all' to see them\n",
    });
    expect((await h.run(['stats', 'reach', '--prospect', '9'])).code).toBe(3);
  });

  it('says so when nothing has been completed yet', async () => {
    const empty = harness();
    expect(await empty.run(['stats', 'reach'], { tty: true })).toEqual({
      code: 0, stdout: 'No completed follow-ups yet: record one with salesctl followup done <id> --outcome reached\n', stderr: '',
    });
    expect((await empty.run(['stats', 'reach', '--json'])).stdout).toBe('[]\n');
  });
});
