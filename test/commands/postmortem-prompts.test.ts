// The guided reflection and the firm-date question, in-process with @inquirer/prompts replaced by scripted
// answers (the real terminal is exercised in test/e2e/postmortem-pty.test.ts).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Context } from '../../src/context.js';
import { openDatabase } from '../../src/db/open.js';
import { asked, script } from '../scriptedPrompts.js';
import { harness } from '../helpers.js';


vi.mock('@inquirer/prompts', async () => (await import('../scriptedPrompts.js')).prompts);

function terminalContext(db: ReturnType<typeof openDatabase>): Context & { err: string[] } {
  const err: string[] = [];
  return {
    now: new Date('2026-11-22T08:00:00Z'),
    zone: 'UTC',
    stdout: { write: () => true },
    stderr: { write: (s: string) => err.push(s) },
    isTTY: true,
    stderrIsTTY: true,
    interactive: true,
    width: 100,
    color: false,
    debug: false,
    dbPath: ':memory:',
    db: () => db,
    env: {},
    err,
  };
}

let h: ReturnType<typeof harness>;
beforeEach(async () => {
  script();
  h = harness();
  await h.run(['add', 'Budi', '--company', 'PT Maju']);
  h.db.prepare("UPDATE deals SET status = 'lost'").run();
});

describe('postmortem on a terminal', () => {
  it('with no flags (as `close <deal> lost` calls it) asks everything, in the learn-to-unlearn order', async () => {
    const { record } = await import('../../src/commands/postmortem.js');
    script('They chose a rival', 'a demo was enough', ['segment', 'timing'], 'team lead, Mum', 'too big for us', 'research the segment first');
    const result = await record(terminalContext(h.db), ['1'], {});
    expect(asked).toEqual([
      'What happened? (the facts, without blaming circumstances)',
      'Which assumption failed? (did the approach fit? did you master the features? did you research the segment?)',
      'Root causes (space to select, enter to confirm)',
      'Who did you review it with? (team lead, a friend, family; comma-separated)',
      'What did the prospect say? (their own feedback)',
      'The lesson: what will you do differently next time?',
    ]);
    expect(result.json).toEqual({
      id: 1,
      deal_id: 1,
      outcome: 'lost',
      what_happened: 'They chose a rival',
      assumption: 'a demo was enough',
      causes: ['segment', 'timing'],
      reviewers: ['team lead', 'Mum'],
      feedback: 'too big for us',
      lesson: 'research the segment first',
      created_at: '2026-11-22T08:00:00+00:00',
    });
  });

  it('asks only what was not given on the command line; empty answers stay empty', async () => {
    const { record } = await import('../../src/commands/postmortem.js');
    script('', '', 'quote earlier');
    const result = await record(terminalContext(h.db), ['1'], { what: 'lost on price', assumption: 'budget was there', cause: ['price'] });
    expect(asked).toEqual([
      'Who did you review it with? (team lead, a friend, family; comma-separated)',
      'What did the prospect say? (their own feedback)',
      'The lesson: what will you do differently next time?',
    ]);
    expect(result.json).toMatchObject({ causes: ['price'], reviewers: [], feedback: null, lesson: 'quote earlier' });
  });

  it('will not take an empty lesson', async () => {
    const { record } = await import('../../src/commands/postmortem.js');
    script('  ');
    const all = { what: 'a', assumption: 'b', cause: ['price'], reviewer: ['c'], feedback: 'd' };
    await expect(record(terminalContext(h.db), ['1'], all)).rejects.toThrow('rejected: please write a line');
    expect(h.db.prepare('SELECT count(*) AS n FROM postmortems').get()).toEqual({ n: 0 });
  });
});

describe('commit firm on a terminal', () => {
  it('asks for the date a firm commitment needs', async () => {
    h.db.prepare("UPDATE deals SET status = 'open'").run();
    const { record } = await import('../../src/commands/commit.js');
    script('2026-12-15 10:00');
    const result = await record(terminalContext(h.db), ['1', 'firm', 'sign'], {});
    expect(asked).toEqual(['A firm commitment has a date: when will they buy? (e.g. 2026-12-15, next friday)']);
    expect(result.json).toMatchObject({ kind: 'firm', promised_at: '2026-12-15T10:00:00+00:00' });
  });
});
