import { describe, expect, it } from 'vitest';
import { harness } from '../helpers.js';
import { morning, NOW, ok } from './followups-fixture.js';

const GONE_QUIET = [
  'Gone quiet: call back for the truth, not to close',
  'Deal  Prospect  Company   Title     Why                                                           Suggestion',
  '3     Cy        Quiet Co  Quiet Co  no contact for 30 days                                        salesctl followup 3 --purpose truth --at ...',
  // Eko already has a follow-up scheduled: no suggestion to schedule another.
  '5     Eko       CV Sepi   CV Sepi   the last 2 follow-ups went unanswered (voicemail, no-answer)  a follow-up is scheduled: make it a call for the truth',
];
const NO_NEXT_STEP = [
  'No next step: every step should end with a commitment for the next',
  'Deal  Prospect  Company   Title     Next step',
  '3     Cy        Quiet Co  Quiet Co  salesctl followup 3 --at ...',
  '4     Dewi      CV Baru   CV Baru   salesctl followup 4 --at ...',
];

describe('salesctl due', () => {
  it('shows overdue first, then the rest of today, on a terminal in Jakarta', async () => {
    const h = await morning();
    const r = await h.run(['due'], { tty: true, width: 160 });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        '   Time                           Their time     Prospect      Company  Channel  Purpose             Commitment  Value           Id',
        '!  Sat 21 Nov 10:00 (1d overdue)  Fri 22:00 EST  Ann Lee       Acme     call     truth               low         1,500.00 USD    4',
        '!  14:00 (1h overdue)                            Budi Santoso  PT Maju  chat     follow-up           firm        15,000,000 IDR  1',
        '★  16:00                                         Budi Santoso  PT Maju  chat     CLOSURE             firm        15,000,000 IDR  2',
        '   21:00                          09:00 EST      Ann Lee       Acme     call     follow-up (agreed)  low         1,500.00 USD    5',
        '',
        ...NO_NEXT_STEP,
        '',
        ...GONE_QUIET,
        '',
      ].join('\n'),
    );
  });

  it('fits 80 columns: value, commitment, company and purpose give way; titles and reasons are cut with …', async () => {
    const h = await morning();
    const r = await h.run(['due'], { tty: true, width: 80 });
    expect(r.stdout).toBe(
      [
        '   Time                           Their time     Prospect      Channel  Id',
        '!  Sat 21 Nov 10:00 (1d overdue)  Fri 22:00 EST  Ann Lee       call     4',
        '!  14:00 (1h overdue)                            Budi Santoso  chat     1',
        '★  16:00                                         Budi Santoso  chat     2',
        '   21:00                          09:00 EST      Ann Lee       call     5',
        '',
        ...NO_NEXT_STEP,
        '',
        'Gone quiet: call back for the truth, not to close',
        'Deal  Prospect  Company   Title     Why',
        '3     Cy        Quiet Co  Quiet Co  no contact for 30 days',
        '5     Eko       CV Sepi   CV Sepi   the last 2 follow-ups went unanswered (voic…',
        '',
      ].join('\n'),
    );
    // 100 columns: value, commitment and company go; the purpose fits again.
    const at100 = (await h.run(['due'], { tty: true, width: 100 })).stdout.split('\n');
    expect(at100[0]).toBe('   Time                           Their time     Prospect      Channel  Purpose             Id');
    expect(Math.max(...at100.map((line) => line.length))).toBeLessThanOrEqual(100);
  });

  it('reads the day and the prospects\' times from the local zone (UTC)', async () => {
    const h = await morning();
    const r = await h.run(['due'], { tty: true, zone: 'UTC', width: 160 });
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      '   Time                           Their time     Prospect      Company  Channel  Purpose             Commitment  Value           Id',
      '!  Sat 21 Nov 03:00 (1d overdue)  Fri 22:00 EST  Ann Lee       Acme     call     truth               low         1,500.00 USD    4',
      '!  07:00 (1h overdue)             14:00 Jakarta  Budi Santoso  PT Maju  chat     follow-up           firm        15,000,000 IDR  1',
      '★  09:00                          16:00 Jakarta  Budi Santoso  PT Maju  chat     CLOSURE             firm        15,000,000 IDR  2',
      '   14:00                          09:00 EST      Ann Lee       Acme     call     follow-up (agreed)  low         1,500.00 USD    5',
    ]);
  });

  it('marks overdue in red when colour is on', async () => {
    const h = await morning();
    const r = await h.run(['due'], { tty: true, color: true });
    expect(r.stdout.split('\n')[1]).toMatch(/^\u001b\[31m!\u001b\[39m {2}Sat 21 Nov 10:00 \(1d overdue\)/);
  });

  it('prints tab-separated rows in a pipe, the section in the first column', async () => {
    const h = await morning();
    const r = await h.run(['due']);
    expect(r.stdout).toBe(
      [
        'due\t4\t2026-11-21T10:00:00+07:00\toverdue\t\tAnn Lee\tAcme\tcall\ttruth\tlow\t1500.00\tUSD',
        'due\t1\t2026-11-22T14:00:00+07:00\toverdue\t\tBudi Santoso\tPT Maju\tchat\tfollow-up\tfirm\t15000000\tIDR',
        'due\t2\t2026-11-22T16:00:00+07:00\t\tclosure\tBudi Santoso\tPT Maju\tchat\tclosure\tfirm\t15000000\tIDR',
        'due\t5\t2026-11-22T21:00:00+07:00\t\t\tAnn Lee\tAcme\tcall\tfollow-up\tlow\t1500.00\tUSD',
        'no-next-step\t3\tCy\tQuiet Co\tQuiet Co',
        'no-next-step\t4\tDewi\tCV Baru\tCV Baru',
        'gone-quiet\t3\tCy\tQuiet Co\tQuiet Co\tno contact for 30 days',
        'gone-quiet\t5\tEko\tCV Sepi\tCV Sepi\tthe last 2 follow-ups went unanswered (voicemail, no-answer)',
        '',
      ].join('\n'),
    );
  });

  it('prints {items, no_next_step, gone_quiet} as JSON', async () => {
    const h = await morning();
    const doc = JSON.parse((await h.run(['due', '--json'])).stdout);
    expect(Object.keys(doc)).toEqual(['items', 'no_next_step', 'gone_quiet']);
    expect(doc.items.map((i: any) => i.followup_id)).toEqual([4, 1, 2, 5]);
    expect(doc.items[0]).toEqual({
      followup_id: 4, deal_id: 2, prospect: 'Ann Lee', company: 'Acme', title: 'Acme', due_at: '2026-11-21T10:00:00+07:00',
      their_time: '2026-11-20T22:00:00-05:00', channel: 'call', purpose: 'truth', closure: false, agreed: false, overdue: true,
      commitment: 'low', cadence: null, value: 1500, currency: 'USD',
    });
    expect(doc.items[2]).toMatchObject({ followup_id: 2, purpose: 'closure', closure: true, agreed: true, overdue: false, commitment: 'firm', value: 15000000, currency: 'IDR' });
    expect(doc.no_next_step).toEqual([
      { deal_id: 3, prospect: 'Cy', company: 'Quiet Co', title: 'Quiet Co' },
      { deal_id: 4, prospect: 'Dewi', company: 'CV Baru', title: 'CV Baru' },
    ]);
    expect(doc.gone_quiet).toEqual([
      { deal_id: 3, prospect: 'Cy', company: 'Quiet Co', title: 'Quiet Co', reason: 'no contact for 30 days' },
      { deal_id: 5, prospect: 'Eko', company: 'CV Sepi', title: 'CV Sepi', reason: 'the last 2 follow-ups went unanswered (voicemail, no-answer)' },
    ]);
  });

  it('prints one CSV row per follow-up due', async () => {
    const h = await morning();
    expect((await h.run(['due', '--csv'])).stdout).toBe(
      [
        'followup_id,deal_id,due_at,their_time,overdue,closure,agreed,prospect,company,title,channel,purpose,commitment,value,currency',
        '4,2,2026-11-21T10:00:00+07:00,2026-11-20T22:00:00-05:00,true,false,false,Ann Lee,Acme,Acme,call,truth,low,1500.00,USD',
        '1,1,2026-11-22T14:00:00+07:00,2026-11-22T14:00:00+07:00,true,false,false,Budi Santoso,PT Maju,Fleet renewal,chat,follow-up,firm,15000000,IDR',
        '2,1,2026-11-22T16:00:00+07:00,2026-11-22T16:00:00+07:00,false,true,true,Budi Santoso,PT Maju,Fleet renewal,chat,closure,firm,15000000,IDR',
        '5,2,2026-11-22T21:00:00+07:00,2026-11-22T09:00:00-05:00,false,false,true,Ann Lee,Acme,Acme,call,follow-up,low,1500.00,USD',
        '',
      ].join('\n'),
    );
  });

  it.each([
    // A date alone means the end of that local day.
    ['tomorrow', [4, 1, 2, 5, 3]],
    ['2026-11-23', [4, 1, 2, 5, 3]],
    // A time is that instant.
    ['2026-11-22 16:00', [4, 1, 2]],
    ['2026-11-22 15:59', [4, 1]],
    // Never less than the overdue ones.
    ['2026-11-01', [4, 1]],
    ['+2w', [4, 1, 2, 5, 3, 8]],
  ])('--until %s shows follow-ups %j', async (until, ids) => {
    const h = await morning();
    const doc = JSON.parse((await h.run(['due', '--until', until, '--json'])).stdout);
    expect(doc.items.map((i: any) => i.followup_id)).toEqual(ids);
  });

  it('shows later days with their date', async () => {
    const h = await morning();
    const lines = (await h.run(['due', '--until', 'tomorrow'], { tty: true, width: 160 })).stdout.split('\n');
    expect(lines[5]).toBe('   Mon 23 Nov 10:00                              Budi Santoso  PT Maju  chat     follow-up           firm        15,000,000 IDR  3');
  });

  it('says so on an empty day, and exits 0', async () => {
    const h = harness(NOW, 'Asia/Jakarta');
    expect(await h.run(['due'], { tty: true })).toEqual({ code: 0, stdout: 'Nothing due today.\n', stderr: '' });
    expect(await h.run(['due', '--until', '2026-11-28'], { tty: true })).toEqual({ code: 0, stdout: 'Nothing due until Sat 28 Nov.\n', stderr: '' });
    expect(await h.run(['due'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse((await h.run(['due', '--json'])).stdout)).toEqual({ items: [], no_next_step: [], gone_quiet: [] });
    expect((await h.run(['due', '--csv'])).stdout).toBe('followup_id,deal_id,due_at,their_time,overdue,closure,agreed,prospect,company,title,channel,purpose,commitment,value,currency\n');
  });

  it('lists the 20 newest deals with no next step on a terminal and counts the rest; a pipe has them all', async () => {
    const h = harness(NOW, 'Asia/Jakarta');
    for (let i = 1; i <= 25; i++) await ok(h, ['add', `P${i}`]);
    const out = (await h.run(['due'], { tty: true })).stdout.split('\n');
    expect(out[2]).toBe('No next step: every step should end with a commitment for the next (the 20');
    expect(out[3]).toBe('  newest of 25)');
    expect(out.slice(5, 25).map((line) => Number(line.split(/\s+/)[0]))).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));
    expect(out.slice(25)).toEqual(['… and 5 more: salesctl due --json lists them all', '']);
    expect((await h.run(['due'])).stdout.split('\n').filter((line) => line.startsWith('no-next-step')).length).toBe(25);
  });

  it('still lists the deals with no next step on an empty day', async () => {
    const h = harness(NOW, 'Asia/Jakarta');
    await ok(h, ['add', 'Dewi', '--company', 'CV Baru']);
    expect((await h.run(['due'], { tty: true })).stdout).toBe(
      ['Nothing due today.', '', 'No next step: every step should end with a commitment for the next', 'Deal  Prospect  Company  Title    Next step', '1     Dewi      CV Baru  CV Baru  salesctl followup 1 --at ...', ''].join('\n'),
    );
  });

  it('leaves out a gone-quiet deal once a truth call is scheduled, and closed deals altogether', async () => {
    const h = await morning();
    await ok(h, ['followup', 'Cy', '--at', 'tomorrow', '--purpose', 'truth']);
    h.db.prepare("UPDATE deals SET status = 'lost' WHERE id = 5").run();
    const doc = JSON.parse((await h.run(['due', '--json'])).stdout);
    expect(doc.gone_quiet).toEqual([]);
    expect(doc.no_next_step.map((d: any) => d.deal_id)).toEqual([4]);
  });

  it('refuses an unreadable --until', async () => {
    const h = await morning();
    expect(await h.run(['due', '--until', 'later'])).toEqual({
      code: 2, stdout: '', stderr: "salesctl: cannot read the date 'later' for --until: try 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days' or +2w\n",
    });
  });

  it('escapes control characters in stored names', async () => {
    const h = harness(NOW, 'UTC');
    await ok(h, ['add', 'Eve\u001b[2J', '--company', 'Tab\tCo']);
    await ok(h, ['followup', '1', '--at', '2026-11-22 10:00']);
    expect((await h.run(['due'])).stdout).toBe('due\t1\t2026-11-22T10:00:00+00:00\t\t\tEve\\x1b[2J\tTab\\tCo\tcall\tfollow-up\t\t\t\n');
    expect((await h.run(['due'], { tty: true })).stdout).toContain('Eve\\x1b[2J');
  });
});
