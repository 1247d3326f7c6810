// Every terminal view fits its width: at 80, 100 and 160 columns no line is wider than the terminal,
// measured in terminal cells (★ and … take one, CJK two, colour codes none). Pipes keep every character.
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from '../helpers.js';

const NOW = '2026-11-23T01:30:00Z';
const ZONE = 'Asia/Jakarta';
const LONG_TITLE = 'Fleet renewal for the whole northern region, including the spare parts contract and the service plan';
const LONG_NOTE = 'Asked for a second quote after the board meeting; wants the service plan itemised per vehicle and a discount for paying upfront';
const LESSON = 'Talk to the person who signs before the demo, not after it: the champion could not get budget approved in time';

let h: Harness;

async function ok(argv: string[]): Promise<void> {
  const r = await h.run(argv);
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
}

beforeAll(async () => {
  h = harness(NOW, ZONE);
  await ok(['add', 'Budi Santoso Wijayakusuma', '--company', 'PT Maju Sentosa Nusantara Internasional', '--deal', LONG_TITLE, '--value', '150000000', '--currency', 'IDR', '--tz', 'Asia/Jakarta']);
  await ok(['add', '山田 太郎', '--company', '株式会社ヤマダ電機ホールディングス', '--deal', '倉庫管理システムの更新と保守契約', '--value', '2500000', '--currency', 'JPY', '--tz', 'Asia/Tokyo']);
  await ok(['add', 'Ana Lima', '--company', 'Acme Logistics International', '--value', '1200.50', '--currency', 'EUR', '--tz', 'America/New_York']);
  await ok(['add', 'Carl Johnson-Whitaker', '--company', 'Whitaker & Sons Heavy Machinery', '--deal', LONG_TITLE]);
  await ok(['add', 'Dewi Lestari', '--company', 'CV Baru Jaya Abadi Sejahtera']);
  await ok(['commit', '1', 'firm', LONG_NOTE, '--by', '2026-12-04', '--payment', 'dp', '--from', 'Budi Santoso Wijayakusuma']);
  await ok(['commit', '2', 'firm', '発注書を来週送る', '--by', '2026-12-10']);
  await ok(['commit', '3', 'low', 'will think about it after the holidays']);
  await ok(['followup', '1', '--at', '2026-11-22 10:00', '--closure', '--note', LONG_NOTE]);
  await ok(['followup', '2', '--at', '2026-11-23 16:00', '--channel', 'email', '--agreed', '--note', LONG_NOTE]);
  await ok(['followup', '3', '--at', '2026-11-23 21:00', '--purpose', 'truth']);
  await ok(['followup', '3', '--at', '2026-11-24 09:00']);
  await ok(['followup', 'done', '3', '--outcome', 'reached', '--note', LONG_NOTE]);
  await ok(['log', '1', LONG_NOTE]);
  await ok(['close', '4', 'lost', '--reason', LONG_NOTE]);
  await ok(['postmortem', '4', '--what', LONG_NOTE, '--assumption', LONG_NOTE, '--cause', 'price', '--cause', 'timing', '--feedback', LONG_NOTE, '--lesson', LESSON]);
});

const COMMANDS = [['due'], ['due', '--until', '+2w'], ['list'], ['list', '--status', 'all'], ['show', '1'], ['show', '2'], ['show', '4'], ['forecast'], ['doctor'], ['postmortem', 'report'], ['stats', 'reach']];

describe.each([80, 100, 160])('at %i columns', (width) => {
  it.each(COMMANDS.map((argv) => [argv.join(' '), argv]))('%s: no line is wider than the terminal', async (_, argv) => {
    for (const color of [false, true]) {
      const r = await h.run(argv as string[], { tty: true, width, color });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines.length).toBeGreaterThan(1);
      const wide = lines.filter((line) => stringWidth(line) > width);
      expect(wide).toEqual([]);
      expect(r.stderr.split('\n').filter((line) => stringWidth(line) > width)).toEqual([]);
    }
  });
});

describe('in a pipe', () => {
  it('keeps every character of long cells', async () => {
    expect((await h.run(['list', '--status', 'all'])).stdout).toContain(`\t${LONG_TITLE}\t`);
    expect((await h.run(['show', '1'])).stdout).toContain(LONG_NOTE);
    expect((await h.run(['postmortem', 'report'])).stdout).toContain(LESSON);
    expect((await h.run(['due', '--csv'])).stdout).toContain(LONG_TITLE);
  });
});

describe('on a terminal', () => {
  it('shows times in stored event summaries as the tables do; a pipe keeps them ISO', async () => {
    const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
    const screen = (await h.run(['show', '3'], { tty: true, width: 160 })).stdout;
    expect(screen).not.toMatch(iso);
    expect(screen).toContain('truth #3 by call scheduled for Mon 23 Nov 21:00');
    expect((await h.run(['show', '3'])).stdout).toContain('truth #3 by call scheduled for 2026-11-23T21:00:00+07:00');
  });

  it('cuts titles before names, and never cuts prospects, ids or times', async () => {
    const lines = (await h.run(['list', '--status', 'all'], { tty: true, width: 80 })).stdout.split('\n');
    expect(lines).toEqual([
      'Id  Prospect                   Company      Deal        Status  Next follow-up',
      '5   Dewi Lestari               CV Baru Ja…  CV Baru J…  open    —',
      '4   Carl Johnson-Whitaker      Whitaker &…  Fleet ren…  lost    —',
      '3   Ana Lima                   Acme Logis…  Acme Logi…  open    Tue 24 Nov 09:00',
      '2   山田 太郎                  株式会社ヤ…  倉庫管理…   open    Mon 23 Nov 16:00',
      '1   Budi Santoso Wijayakusuma  PT Maju Se…  Fleet ren…  open    Sun 22 Nov 10:00',
      '',
    ]);
  });
});
