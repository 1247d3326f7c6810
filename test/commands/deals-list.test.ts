import { describe, expect, it } from 'vitest';
import { harness, snapshot } from '../helpers.js';
import { book, NOW, ZONE } from './deals-fixture.js';

describe('salesctl list', () => {
  it('shows the open deals as a table on a terminal, newest activity first, next follow-up in local time', async () => {
    const h = await book();
    const r = await h.run(['list'], { tty: true, width: 100 });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Id  Prospect      Company  Deal           Value          Status  Next follow-up    Commitment',
        '3   Carl                   Carl           —              open    —                 —',
        '2   Ana Lima      Acme     Acme           1,200.50 EUR   open    —                 low',
        '1   Budi Santoso  PT Maju  Fleet renewal  15,000.00 USD  open    Mon 23 Nov 10:00  firm',
        '',
      ].join('\n'),
    });
    // 80 columns: the commitment goes, then the title is cut.
    expect((await h.run(['list'], { tty: true, width: 80 })).stdout).toBe(
      [
        'Id  Prospect      Company  Deal          Value          Status  Next follow-up',
        '3   Carl                   Carl          —              open    —',
        '2   Ana Lima      Acme     Acme          1,200.50 EUR   open    —',
        '1   Budi Santoso  PT Maju  Fleet renew…  15,000.00 USD  open    Mon 23 Nov 10:00',
        '',
      ].join('\n'),
    );
  });

  it('prints tab-separated rows with ISO times and no header in a pipe', async () => {
    const h = await book();
    const r = await h.run(['list', '--status', 'all']);
    expect(r.stdout).toBe(
      [
        '1\tBudi Santoso\tPT Maju\tFleet renewal\t15,000.00 USD\topen\t2026-11-23T10:00:00+07:00\tfirm',
        '2\tAna Lima\tAcme\tAcme\t1,200.50 EUR\topen\t\tlow',
        '3\tCarl\t\tCarl\t\topen\t\t',
        '4\tBudi Santoso\tPT Maju\tSpare parts\t2,500,000 IDR\twon\t\tfirm',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['won', [4]],
    ['won,open', [1, 2, 3, 4]],
    [' Lost , NOT-NOW ', []],
    ['all', [1, 2, 3, 4]],
  ])('--status %j selects %j', async (status, ids) => {
    const h = await book();
    const r = await h.run(['list', '--status', status, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).map((d: { id: number }) => d.id)).toEqual(ids);
  });

  it.each([
    ['maju', [1]],
    ['ACME', [2]],
    ['renew', [1]],
    ['nobody', []],
  ])('--search %j matches prospect, company or title whatever the case', async (search, ids) => {
    const h = await book();
    const r = await h.run(['list', '--search', search, '--json']);
    expect(JSON.parse(r.stdout).map((d: { id: number }) => d.id)).toEqual(ids);
  });

  it('--search folds case beyond ASCII', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Élodie Durand']);
    expect(JSON.parse((await h.run(['list', '--search', 'élodie', '--json'])).stdout)).toHaveLength(1);
  });

  it('refuses an unknown status with exit 2 and one line', async () => {
    const h = await book();
    const before = snapshot(h.db);
    const r = await h.run(['list', '--status', 'open,closed']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "salesctl: unknown status 'closed' for --status: use open, won, lost, not-now or all (comma-separated for several)\n",
    });
    expect(snapshot(h.db)).toBe(before);
  });

  it('--json: the deal with its prospect, next follow-up and latest commitment kind', async () => {
    const h = await book();
    const [first] = JSON.parse((await h.run(['list', '--json'])).stdout);
    expect(first).toEqual({
      id: 1,
      title: 'Fleet renewal',
      prospect_id: 1,
      prospect_name: 'Budi Santoso',
      company: 'PT Maju',
      value: 15000,
      value_minor: 1500000,
      currency: 'USD',
      status: 'open',
      stage: null,
      created_at: '2026-11-22T15:00:00+07:00',
      closed_at: null,
      lost_reason: null,
      prospect: 'Budi Santoso',
      next_followup_at: '2026-11-23T10:00:00+07:00',
      commitment: 'firm',
      cadence: null,
    });
  });

  it('--csv: a header and exact values', async () => {
    const h = await book();
    const r = await h.run(['list', '--status', 'won', '--csv']);
    expect(r.stdout).toBe(
      'id,prospect,company,title,value,currency,status,stage,created_at,closed_at,next_followup_at,commitment\n' +
        '4,Budi Santoso,PT Maju,Spare parts,2500000,IDR,won,,2026-11-22T15:00:00+07:00,2026-11-21T10:00:00+07:00,,firm\n',
    );
  });

  it('--limit takes the deals with the newest activity, in a pipe and on a terminal, and says how many more', async () => {
    const h = await book();
    expect((await h.run(['list', '--limit', '2'])).stdout.split('\n').map((line) => line.split('\t')[0])).toEqual(['3', '2', '']);
    expect((await h.run(['list', '--limit', '1', '--json'])).stdout).toMatch(/^\[\n {2}\{\n {4}"id": 3,/);
    expect((await h.run(['list', '--limit', '2'], { tty: true })).stdout.split('\n').slice(-2)).toEqual([
      '… and 1 more: salesctl list --limit 3, --all, or through a pipe',
      '',
    ]);
    expect((await h.run(['list', '--limit', '5'], { tty: true })).stdout).not.toContain('more');
  });

  it('--all on a terminal shows every deal; a terminal shows 30 by default', async () => {
    const h = harness(NOW, ZONE);
    for (let i = 1; i <= 32; i++) await h.run(['add', `P${i}`]);
    const screen = (await h.run(['list'], { tty: true })).stdout.split('\n');
    expect(screen.length).toBe(1 + 30 + 2);
    expect(screen[1]).toMatch(/^32 +P32 /);
    expect(screen[31]).toBe('… and 2 more: salesctl list --limit 32, --all, or through a pipe');
    expect((await h.run(['list', '--all'], { tty: true })).stdout.split('\n').length).toBe(1 + 32 + 1);
    expect((await h.run(['list'])).stdout.split('\n').length).toBe(32 + 1);
  });

  it.each([
    [['list', '--limit', '0'], "salesctl: --limit takes a whole number of deals, at least 1 (got '0'): e.g. --limit 100, or --all\n"],
    [['list', '--limit', 'ten'], "salesctl: --limit takes a whole number of deals, at least 1 (got 'ten'): e.g. --limit 100, or --all\n"],
    [['list', '--limit', '5', '--all'], 'salesctl: --limit and --all contradict each other: give one of them\n'],
  ])('%j is refused with exit 2', async (argv, stderr) => {
    const h = await book();
    expect(await h.run(argv)).toEqual({ code: 2, stdout: '', stderr });
  });

  it('an empty list says what the filter hides', async () => {
    const h = await book();
    h.db.prepare("UPDATE deals SET status = 'lost', closed_at = '2026-11-21T03:00:00.000Z' WHERE id IN (1, 2, 3)").run();
    expect((await h.run(['list'], { tty: true })).stdout).toBe('No open deals; 1 won, 3 lost: salesctl list --status all\n');
    expect((await h.run(['list', '--search', 'nobody'], { tty: true })).stdout).toBe(
      "No open deals match 'nobody': salesctl list --status all --search … looks in every deal\n",
    );
    expect((await h.run(['list'])).stdout).toBe('');
  });

  it('an empty list is not an error', async () => {
    const h = harness(NOW, ZONE);
    expect(await h.run(['list'], { tty: true })).toEqual({ code: 0, stdout: "No deals yet: add one with salesctl add '<prospect>'\n", stderr: '' });
    expect(await h.run(['list'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await h.run(['list', '--json'])).stdout).toBe('[]\n');
  });

  it('escapes control characters in stored names', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Eve\u001b[2J', '--company', 'Bad\tCo']);
    const tty = await h.run(['list'], { tty: true });
    expect(tty.stdout).toContain('Eve\\x1b[2J');
    expect(tty.stdout).not.toContain('\u001b');
    expect((await h.run(['list'])).stdout).toBe('1\tEve\\x1b[2J\tBad\\tCo\tBad\\tCo\t\topen\t\t\n');
  });
});
