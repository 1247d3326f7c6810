import { beforeEach, describe, expect, it } from 'vitest';
import { harness, snapshot, type Harness } from '../helpers.js';

let h: Harness;

beforeEach(async () => {
  h = harness('2026-11-22T08:00:00Z', 'Asia/Jakarta');
  await h.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal']);
  await h.run(['add', 'Sari Dewi', '--company', 'CV Laut']);
  await h.run(['add', 'Agus', '--company', 'Toko Agus']);
  h.db.prepare("UPDATE deals SET status = 'lost' WHERE id = 1").run();
  h.db.prepare("UPDATE deals SET status = 'won' WHERE id = 3").run();
});

const full = [
  '--what', 'They chose a rival',
  '--assumption', 'a demo was enough',
  '--cause', 'segment',
  '--cause', 'approach',
  '--reviewer', 'team lead',
  '--reviewer', 'Mum, team lead',
  '--feedback', 'too big for a small fleet',
  '--lesson', 'research the segment before the first call',
];

describe('postmortem <deal>', () => {
  it('records every answer and prints a summary in a pipe', async () => {
    const r = await h.run(['postmortem', 'Budi', ...full]);
    expect(r).toEqual({
      code: 0,
      stdout:
        'Recorded post-mortem #1 (lost) on deal #1 Budi Santoso (PT Maju) — Fleet renewal [lost]\n' +
        '  What happened:  They chose a rival\n' +
        '  Assumption:     a demo was enough\n' +
        "  Root causes:    segment: the prospect's segment was not researched; approach: the approach did not fit the prospect\n" +
        '  Reviewed with:  team lead, Mum\n' +
        '  Their feedback: too big for a small fleet\n' +
        '  Lesson:         research the segment before the first call\n',
      stderr: '',
    });
    expect(h.db.prepare('SELECT reviewers FROM postmortems').get()).toEqual({ reviewers: '["team lead","Mum"]' });
    expect(h.db.prepare('SELECT postmortem_id, cause FROM postmortem_causes ORDER BY rowid').all()).toEqual([
      { postmortem_id: 1, cause: 'segment' },
      { postmortem_id: 1, cause: 'approach' },
    ]);
    expect(h.db.prepare("SELECT deal_id, summary FROM events WHERE kind = 'postmortem'").all()).toEqual([
      { deal_id: 1, summary: 'post-mortem #1 (lost): segment, approach' },
    ]);
  });

  it('prints the same summary on a terminal, leaving out what was not given, in colour when wanted', async () => {
    const r = await h.run(['postmortem', '3', '--cause', 'price', '--lesson', 'quote early'], { tty: true, color: true });
    expect(r.stdout).toBe(
      '\u001b[32mRecorded\u001b[39m post-mortem #1 (won) on deal #3 Agus (Toko Agus) — Toko Agus [won]\n' +
        '  Root causes:    price: price or budget\n' +
        '  Lesson:         quote early\n',
    );
  });

  it('prints the post-mortem as JSON', async () => {
    const r = await h.run(['postmortem', '1', ...full, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      id: 1,
      deal_id: 1,
      outcome: 'lost',
      what_happened: 'They chose a rival',
      assumption: 'a demo was enough',
      causes: ['segment', 'approach'],
      reviewers: ['team lead', 'Mum'],
      feedback: 'too big for a small fleet',
      lesson: 'research the segment before the first call',
      created_at: '2026-11-22T15:00:00+07:00',
    });
  });

  it.each([
    ['1', undefined, 'lost'],
    ['3', undefined, 'won'],
    ['2', undefined, 'stalled'],
    ['1', 'stalled', 'stalled'],
  ])('deal %s with --outcome %s is recorded as %s', async (deal, outcome, expected) => {
    const r = await h.run(['postmortem', deal!, '--cause', 'timing', '--lesson', 'x', ...(outcome ? ['--outcome', outcome] : []), '--json']);
    expect(JSON.parse(r.stdout).outcome).toBe(expected);
  });

  it('hints that a post-mortem does not close an open deal', async () => {
    const r = await h.run(['postmortem', 'Sari', '--cause', 'no-follow-up', '--lesson', 'call back within a week']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('hint: deal #2 is still open: a post-mortem does not close it (salesctl close 2 lost|not-now)\n');
  });

  it.each([
    [['postmortem', '1'], 2, "salesctl: a post-mortem needs --cause and --lesson: e.g. --cause segment --lesson 'research the segment before the first call'\n"],
    [['postmortem', '1', '--lesson', 'x'], 2, "salesctl: a post-mortem needs --cause: e.g. --cause segment --lesson 'research the segment before the first call'\n"],
    [['postmortem', '1', '--cause', 'price', '--lesson', '  '], 2, "salesctl: a post-mortem needs --lesson: e.g. --cause segment --lesson 'research the segment before the first call'\n"],
    [['postmortem', '9', '--cause', 'price', '--lesson', 'x'], 3, "salesctl: no deal with id 9: run 'salesctl list' to see the deals\n"],
  ])('%j is refused (exit %i) and writes nothing', async (argv, code, stderr) => {
    const before = snapshot(h.db);
    expect(await h.run(argv)).toEqual({ code, stdout: '', stderr });
    expect(snapshot(h.db)).toBe(before);
  });

  it('refuses a cause that is not on the list', async () => {
    const before = snapshot(h.db);
    expect(await h.run(['postmortem', '1', '--cause', 'luck', '--lesson', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "salesctl: unknown root cause (--cause) 'luck': use one of segment, approach, product-knowledge, no-commitment, " +
        'no-decision-maker, timing, price, competitor, pressure, no-follow-up, other\n',
    });
    expect(snapshot(h.db)).toBe(before);
  });
});

describe('postmortem report', () => {
  const add = (deal: string, now: string, lesson: string, ...causes: string[]) =>
    h.run(['postmortem', deal, '--lesson', lesson, ...causes.flatMap((c) => ['--cause', c])], { now });

  beforeEach(async () => {
    await add('1', '2026-10-01T03:00:00Z', 'research the segment', 'segment', 'approach');
    await add('2', '2026-10-15T03:00:00Z', 'ask for the next step every time', 'no-commitment');
    await add('3', '2026-11-02T03:00:00Z', 'research the segment, really', 'segment', 'price');
    await add('2', '2026-11-20T03:00:00Z', 'agree a closure call', 'segment', 'no-commitment');
  });

  it('charts the causes on a terminal, then the repeats and the lessons, newest first', async () => {
    const r = await h.run(['postmortem', 'report'], { tty: true, width: 100 });
    expect(r).toEqual({
      code: 0,
      stdout: [
        'Root causes across 4 post-mortems',
        'segment        ██████████████████████████████ 3',
        'no-commitment  ████████████████████ 2',
        'approach       ██████████ 1',
        'price          ██████████ 1',
        '',
        'Repeated: 2 of 4 post-mortems named a cause already recorded before (segment ×2, no-commitment ×1)',
        '',
        'Lessons',
        'Date        Deal  Prospect      Lesson',
        'Fri 20 Nov  #2    Sari Dewi     agree a closure call',
        'Mon 2 Nov   #3    Agus          research the segment, really',
        'Thu 15 Oct  #2    Sari Dewi     ask for the next step every time',
        'Thu 1 Oct   #1    Budi Santoso  research the segment',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('writes the lessons as tab-separated rows in a pipe', async () => {
    const r = await h.run(['postmortem', 'report']);
    expect(r.stdout.split('Lessons\n')[1]).toBe(
      '2026-11-20\t#2\tSari Dewi\tagree a closure call\n' +
        '2026-11-02\t#3\tAgus\tresearch the segment, really\n' +
        '2026-10-15\t#2\tSari Dewi\task for the next step every time\n' +
        '2026-10-01\t#1\tBudi Santoso\tresearch the segment\n',
    );
  });

  it('prints causes, lessons and repeats as JSON', async () => {
    const r = await h.run(['postmortem', 'report', '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.causes).toEqual([
      { cause: 'segment', count: 3 },
      { cause: 'no-commitment', count: 2 },
      { cause: 'approach', count: 1 },
      { cause: 'price', count: 1 },
    ]);
    expect(report.lessons[0]).toEqual({
      postmortem_id: 4,
      deal_id: 2,
      prospect: 'Sari Dewi',
      company: 'CV Laut',
      lesson: 'agree a closure call',
      created_at: '2026-11-20T10:00:00+07:00',
    });
    expect(report.lessons.map((l: { postmortem_id: number }) => l.postmortem_id)).toEqual([4, 3, 2, 1]);
    expect(report.repeats).toEqual({
      count: 2,
      total: 4,
      causes: [
        { cause: 'segment', count: 2 },
        { cause: 'no-commitment', count: 1 },
      ],
      postmortem_ids: [3, 4],
    });
  });

  it('prints cause,count as CSV', async () => {
    const r = await h.run(['postmortem', 'report', '--csv']);
    expect(r.stdout).toBe('cause,count\nsegment,3\nno-commitment,2\napproach,1\nprice,1\n');
  });
});

describe('postmortem report with no post-mortems', () => {
  it.each([
    [[], 'No post-mortems yet.\n'],
    [['--json'], '{\n  "causes": [],\n  "lessons": [],\n  "repeats": {\n    "count": 0,\n    "total": 0,\n    "causes": [],\n    "postmortem_ids": []\n  }\n}\n'],
    [['--csv'], 'cause,count\n'],
  ])('%j', async (flags, stdout) => {
    expect(await harness().run(['postmortem', 'report', ...flags])).toEqual({ code: 0, stdout, stderr: '' });
  });
});
