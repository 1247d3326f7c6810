// `salesctl mcp` through the built binary, driven by the MCP SDK's own Client over stdio: the tools it
// lists, each tool's answer against the database and the CLI, bad input, --read-only, and the morning done
// through MCP alone giving the same database as the same morning through the CLI.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCli, type Cli } from './helpers.js';
import { NOW, TZ, seed, startMcp, textOf, type McpSession } from './mcpHelpers.js';

const READ_TOOLS = ['morning', 'briefing', 'find_deals', 'forecast', 'reach', 'postmortem_report'];
const WRITE_TOOLS = [
  'log_outcome', 'schedule_followup', 'reschedule_followup', 'record_commitment', 'resolve_commitment', 'add_journal_line', 'close_deal', 'record_postmortem', 'add_deal',
];

/** Runs the CLI and returns its --json document, failing the test on a non-zero exit. */
function cliJson(cli: Cli, args: string[]): any {
  const result = cli.run([...args, '--json']);
  expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return JSON.parse(result.stdout);
}

/** The database file's bytes, and whether a write-ahead log with content sits beside it. */
function fileState(cli: Cli): { db: Buffer; wal: number } {
  const wal = `${cli.dbPath}-wal`;
  return { db: readFileSync(cli.dbPath), wal: existsSync(wal) ? readFileSync(wal).length : 0 };
}

describe('salesctl mcp: the tools', () => {
  let cli: Cli;
  let mcp: McpSession;
  beforeAll(async () => {
    cli = tempCli(NOW, TZ);
    seed(cli);
    mcp = await startMcp(cli, NOW, TZ);
  });
  afterAll(async () => {
    await mcp?.close();
    cli?.cleanup();
  });

  it('lists the read tools as read-only and the write tools as non-destructive, each with a description and a schema', async () => {
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual([...READ_TOOLS, ...WRITE_TOOLS]);
    for (const tool of tools) {
      const writes = WRITE_TOOLS.includes(tool.name);
      expect(tool.annotations, tool.name).toMatchObject({ readOnlyHint: !writes, destructiveHint: false });
      expect(tool.description!.length, tool.name).toBeGreaterThan(100);
      expect(tool.inputSchema.type).toBe('object');
    }
    const log = tools.find((t) => t.name === 'log_outcome')!;
    expect(log.inputSchema.required).toEqual(['followup_id', 'outcome']);
    expect((log.inputSchema.properties as any).outcome.enum).toContain('no-answer');
  });

  it('logs on stderr only', () => {
    expect(mcp.stderr()).toBe(`salesctl mcp: serving ${cli.dbPath} on stdio (15 tools)\n`);
  });

  it('morning gives what `due --json` gives, with a short count', async () => {
    const result = await mcp.call('morning');
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(cliJson(cli, ['due']));
    expect(textOf(result)).toBe('2 follow-ups due (1 overdue, 1 closure call); 1 open deal with no next step; 0 deals gone quiet.');
    expect(JSON.parse(result.content[1]!.text!)).toEqual(result.structuredContent);
  });

  it("briefing gives `show --json` with the prospect's time now against their best time", async () => {
    const result = await mcp.call('briefing', { deal: 'Budi' });
    const { their_time_now, last_outcome, ...shown } = result.structuredContent;
    expect(shown).toEqual(cliJson(cli, ['show', 'Budi']));
    expect(their_time_now).toEqual({ at: '2026-11-23T08:30:00+07:00', tz: 'Asia/Jakarta', in_best_time: false });
    expect(last_outcome).toBeNull();
    expect(textOf(result)).toBe(
      'Deal #1 Fleet renewal [open] with Budi Santoso (PT Maju): does not decide the purchase.\n' +
        'Their time now: Mon 23 Nov 08:30 (Asia/Jakarta); best time 10:00-12:00 (not now).\n' +
        'Reliability: kept 0, broken 0, pending 0; 0 pending commitments on this deal.\n' +
        'Next step: follow-up #1 by call at Sun 22 Nov 10:30.\n' +
        'No completed follow-up yet.',
    );
  });

  it('find_deals, forecast, reach and postmortem_report give the listings of their commands', async () => {
    expect((await mcp.call('find_deals', { search: 'a', status: ['all'] })).structuredContent).toEqual({
      deals: cliJson(cli, ['list', '--status', 'all', '--search', 'a']),
    });
    expect((await mcp.call('forecast')).structuredContent).toEqual({ totals: cliJson(cli, ['forecast']) });
    expect((await mcp.call('reach')).structuredContent).toEqual({ cells: cliJson(cli, ['stats', 'reach']) });
    expect((await mcp.call('postmortem_report')).structuredContent).toEqual(cliJson(cli, ['postmortem', 'report']));
  });

  it('log_outcome without a next step completes the follow-up and warns that the deal has none', async () => {
    const result = await mcp.call('log_outcome', { followup_id: 1, outcome: 'no-answer', note: 'voicemail full' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ id: 1, status: 'done', outcome: 'no-answer', notes: 'voicemail full', next: null });
    // The summary is the tool's; the warning is the command's own line, after it.
    expect(textOf(result).split('\n')[0]).toBe('Follow-up #1 done: no-answer. No next follow-up scheduled by this call.');
    expect(textOf(result)).toMatch(/\nwarning: deal #1 has no next step/);
    expect(cliJson(cli, ['show', '1']).followups[0]).toMatchObject({ id: 1, status: 'done', outcome: 'no-answer' });
  });

  it("schedule_followup stores the instant and warns outside the prospect's best time", async () => {
    const result = await mcp.call('schedule_followup', { deal: '1', at: 'tomorrow 3pm', purpose: 'truth' });
    expect(result.structuredContent).toMatchObject({ id: 3, deal_id: 1, due_at: '2026-11-24T15:00:00+07:00', purpose: 'truth', channel: 'call' });
    expect(textOf(result).split('\n')[0]).toBe('Scheduled truth #3 by call on deal #1 at 2026-11-24T15:00:00+07:00.');
    expect(textOf(result)).toMatch(/\nwarning: .*Budi Santoso.* outside their best time 10:00-12:00/);
    expect(cliJson(cli, ['show', '1']).followups.find((f: any) => f.id === 3)).toMatchObject({ status: 'scheduled', due_at: '2026-11-24T15:00:00+07:00' });
  });

  it("record_commitment gives its kind's next action, and warns about a firm promise from someone who does not decide", async () => {
    const result = await mcp.call('record_commitment', { deal: 'Fleet', kind: 'firm', what: 'renew 20 trucks', by: '2026-12-15', payment: 'dp' });
    expect(result.structuredContent).toMatchObject({
      id: 1, deal_id: 1, kind: 'firm', what: 'renew 20 trucks', given_by: 'Budi Santoso', promised_at: '2026-12-15T09:00:00+07:00', payment: 'dp',
      next_action: 'send the contract and collect the payment (down payment or full)',
    });
    expect(textOf(result)).toMatch(/^Recorded firm commitment #1 on deal #1 by 2026-12-15T09:00:00\+07:00\. Next: send the contract/);
    expect(textOf(result)).toMatch(/\nwarning: Budi Santoso does not decide the purchase/);
    expect(cliJson(cli, ['show', '1']).commitments).toEqual([expect.objectContaining({ id: 1, kind: 'firm', status: 'pending' })]);
  });

  it("reschedule_followup moves a follow-up into the prospect's best time, without a warning", async () => {
    const result = await mcp.call('reschedule_followup', { followup_id: 3, at: 'tomorrow 10:30' });
    expect(result.structuredContent).toMatchObject({ id: 3, status: 'scheduled', due_at: '2026-11-24T10:30:00+07:00' });
    expect(textOf(result)).toBe('Moved truth #3 on deal #1 to 2026-11-24T10:30:00+07:00.');
    expect(cliJson(cli, ['show', '1']).timeline.at(-1)).toMatchObject({ kind: 'followup-rescheduled' });
  });

  it("resolve_commitment marks a commitment kept and gives the prospect's reliability", async () => {
    const result = await mcp.call('resolve_commitment', { commitment_id: 1, status: 'kept', note: 'DP received' });
    expect(result.structuredContent).toMatchObject({ id: 1, status: 'kept', reliability: { kept: 1, broken: 0, pending: 0 } });
    expect(textOf(result)).toBe('Commitment #1 kept. Reliability: kept 1, broken 0, pending 0.');
    expect(cliJson(cli, ['show', '1']).prospect.reliability).toEqual({ kept: 1, broken: 0, pending: 0 });
  });

  it('add_journal_line stores the text as given, even when it looks like a flag', async () => {
    const result = await mcp.call('add_journal_line', { deal: '2', text: '--db /tmp/elsewhere.db asked for the price list', tags: ['pricing', '--json'] });
    expect(result.structuredContent).toMatchObject({ deal_id: 2, text: '--db /tmp/elsewhere.db asked for the price list', tags: ['pricing', '--json'] });
    expect(cliJson(cli, ['show', '2']).timeline.at(-1)).toMatchObject({ kind: 'journal', summary: '--db /tmp/elsewhere.db asked for the price list' });
  });

  it('add_deal adds the prospect and the deal as `add` does', async () => {
    const result = await mcp.call('add_deal', {
      prospect: 'Lina Wu', company: 'Harbor Ltd', deal: 'Pilot seats', value: '3,500', currency: 'USD', tz: 'Asia/Singapore', best_time: '09:00-11:00', decision_maker: false, channel: 'email',
    });
    expect(result.structuredContent).toMatchObject({
      id: 4, title: 'Pilot seats', value: 3500, currency: 'USD',
      prospect: { name: 'Lina Wu', company: 'Harbor Ltd', tz: 'Asia/Singapore', best_time: '09:00-11:00', decision_maker: false, channel: 'email', reused: false },
    });
    expect(textOf(result)).toMatch(/^Added deal #4 Pilot seats for Lina Wu \(Harbor Ltd\)\.\nhint: /);
    expect(cliJson(cli, ['list', '--search', 'Harbor'])).toEqual([expect.objectContaining({ id: 4, status: 'open' })]);
  });

  it('close_deal lost returns the post-mortem questions; record_postmortem records the answers', async () => {
    const closed = await mcp.call('close_deal', { deal: '3', status: 'lost', reason: 'went with a competitor' });
    expect(closed.structuredContent).toMatchObject({ id: 3, status: 'lost', lost_reason: 'went with a competitor' });
    expect(closed.structuredContent.postmortem_questions.map((q: any) => q.field)).toEqual(['what', 'assumption', 'causes', 'reviewers', 'feedback', 'lesson']);
    expect(textOf(closed)).toMatch(/^Deal #3 lost\. Ask for the post-mortem:\n- What happened\?/);
    const pm = await mcp.call('record_postmortem', { deal: '3', causes: ['competitor', 'no-decision-maker'], lesson: 'meet the buyer in week one', reviewers: ['Ana'] });
    expect(pm.structuredContent).toMatchObject({ deal_id: 3, outcome: 'lost', causes: ['competitor', 'no-decision-maker'], reviewers: ['Ana'], lesson: 'meet the buyer in week one' });
    expect(cliJson(cli, ['postmortem', 'report']).causes).toEqual([{ cause: 'competitor', count: 1 }, { cause: 'no-decision-maker', count: 1 }]);
    expect(cliJson(cli, ['show', '3'])).toMatchObject({ status: 'lost' });
  });

  it('close_deal not-now schedules the nurture follow-up the prospect agreed to', async () => {
    const result = await mcp.call('close_deal', { deal: 'Lina', status: 'not-now', revisit: '2027-03-01' });
    expect(result.structuredContent).toMatchObject({
      id: 4, status: 'not-now', revisit_followup: { purpose: 'nurture', channel: 'email', due_at: '2027-03-01T08:00:00+07:00' }, // 09:00 in Singapore
    });
    expect(result.structuredContent).not.toHaveProperty('postmortem_questions');
  });

  it('briefing tells the last outcome once a follow-up is done', async () => {
    const result = await mcp.call('briefing', { deal: '1' });
    expect(result.structuredContent.last_outcome).toEqual({ followup_id: 1, outcome: 'no-answer', channel: 'call', at: '2026-11-23T08:30:00+07:00', notes: 'voicemail full' });
    expect(textOf(result)).toMatch(/\nLast outcome: no-answer by call on Mon 23 Nov 08:30\.$/);
  });
});

describe('salesctl mcp: bad input', () => {
  let cli: Cli;
  beforeAll(() => {
    cli = tempCli(NOW, TZ);
    seed(cli);
    cli.run(['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Second deal']);
  });
  afterAll(() => cli?.cleanup());

  it("answers a tool error with the CLI's own line and leaves the database file byte-identical", async () => {
    const before = fileState(cli);
    const cases: Array<[string, Record<string, unknown>, string[]]> = [
      ['schedule_followup', { deal: '1', at: 'the day after never' }, ['followup', '1', '--at', 'the day after never']],
      ['schedule_followup', { deal: 'nobody', at: 'tomorrow' }, ['followup', 'nobody', '--at', 'tomorrow']],
      ['briefing', { deal: 'Budi' }, ['show', 'Budi']],
      ['record_commitment', { deal: '2', kind: 'firm', what: 'sign' }, ['commit', '2', 'firm', 'sign']],
      ['log_outcome', { followup_id: 99, outcome: 'reached' }, ['followup', 'done', '99', '--outcome', 'reached']],
      ['add_deal', { prospect: 'Ana', value: '12 apples' }, ['add', 'Ana', '--value', '12 apples']],
      ['close_deal', { deal: '1', status: 'won', revisit: '+3m' }, ['close', '1', 'won', '--revisit', '+3m']],
    ];
    const mcp = await startMcp(cli, NOW, TZ);
    const answers: Array<[boolean | undefined, string]> = [];
    for (const [tool, args] of cases) {
      const result = await mcp.call(tool, args);
      answers.push([result.isError, textOf(result)]);
    }
    const outOfSchema = await mcp.call('schedule_followup', { deal: '1', at: 'tomorrow', channel: 'fax' });
    await mcp.close();

    const expected = cases.map(([, , argv]) => {
      const run = cli.run(argv);
      expect(run.code).toBeGreaterThan(1);
      return [true, run.stderr.trimEnd()];
    });
    expect(answers).toEqual(expected);
    expect(answers[2]![1]).toMatch(/^salesctl: .*Budi.*\n {2}#1 .*\n {2}#/); // the candidates too
    expect(outOfSchema.isError).toBe(true);
    expect(textOf(outOfSchema)).toMatch(/^Input validation error: .*channel/);
    const after = fileState(cli);
    expect(after.wal).toBe(0);
    expect(after.db.equals(before.db)).toBe(true);
  });
});

describe('salesctl mcp --read-only', () => {
  let cli: Cli;
  beforeAll(() => {
    cli = tempCli(NOW, TZ);
    seed(cli);
  });
  afterAll(() => cli?.cleanup());

  it('lists only the read tools, answers them, refuses a write call, and changes nothing', async () => {
    const before = fileState(cli);
    const mcp = await startMcp(cli, NOW, TZ, ['--read-only']);
    const { tools } = await mcp.client.listTools();
    expect(tools.map((t) => t.name)).toEqual(READ_TOOLS);
    for (const name of READ_TOOLS) {
      const result = await mcp.call(name, name === 'briefing' ? { deal: '1' } : {});
      expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
    }
    await expect(mcp.call('log_outcome', { followup_id: 1, outcome: 'reached', next: 'tomorrow 10am' })).rejects.toThrow(/log_outcome disabled/);
    await expect(mcp.call('add_deal', { prospect: 'Ana' })).rejects.toThrow(/add_deal disabled/);
    expect(mcp.stderr()).toBe(`salesctl mcp: serving ${cli.dbPath} on stdio, read-only (6 tools)\n`);
    await mcp.close();
    expect(cliJson(cli, ['show', '1']).followups[0]).toMatchObject({ id: 1, status: 'scheduled' });
    const after = fileState(cli);
    expect(after.wal).toBe(0);
    expect(after.db.equals(before.db)).toBe(true);
  });
});

describe('a morning through MCP alone', () => {
  const viaMcp = tempCli(NOW, TZ);
  const viaCli = tempCli(NOW, TZ);
  afterAll(() => {
    viaMcp.cleanup();
    viaCli.cleanup();
  });

  it('leaves the same database as the same steps through the CLI', async () => {
    seed(viaMcp);
    seed(viaCli);

    const mcp = await startMcp(viaMcp, NOW, TZ);
    const morning = await mcp.call('morning');
    const first = morning.structuredContent.items[0];
    const briefing = await mcp.call('briefing', { deal: String(first.deal_id) });
    const logged = await mcp.call('log_outcome', { followup_id: first.followup_id, outcome: 'reached', note: 'asked the director', next: 'thursday 10am' });
    const committed = await mcp.call('record_commitment', { deal: String(first.deal_id), kind: 'delegate', what: 'will ask the director', from: 'Budi Santoso' });
    const again = await mcp.call('morning');
    await mcp.close();

    expect(morning.structuredContent).toEqual(cliJson(viaCli, ['due']));
    const { their_time_now: _t, last_outcome: _l, ...shown } = briefing.structuredContent;
    expect(shown).toEqual(cliJson(viaCli, ['show', String(first.deal_id)]));
    expect(logged.structuredContent).toEqual(cliJson(viaCli, ['followup', 'done', String(first.followup_id), '--outcome', 'reached', '--note', 'asked the director', '--next', 'thursday 10am']));
    expect(committed.structuredContent).toEqual(cliJson(viaCli, ['commit', String(first.deal_id), 'delegate', 'will ask the director', '--from', 'Budi Santoso']));
    expect(again.structuredContent).toEqual(cliJson(viaCli, ['due']));
    expect(again.structuredContent.items.map((i: any) => i.followup_id)).toEqual([2]);

    expect(viaMcp.run(['export', 'all', '--format', 'json']).stdout).toBe(viaCli.run(['export', 'all', '--format', 'json']).stdout);
  });
});
