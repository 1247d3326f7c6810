// The questions `followup` asks on a terminal, with @inquirer/prompts replaced by scripted answers.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Context } from '../../src/context.js';
import { flushNotices } from '../../src/context.js';
import { done, reschedule, schedule } from '../../src/commands/followup.js';
import { asked, script } from '../scriptedPrompts.js';
import { harness, type Harness } from '../helpers.js';
import { ok } from './followups-fixture.js';


vi.mock('@inquirer/prompts', async () => (await import('../scriptedPrompts.js')).prompts);

let h: Harness;
let err: string[];
function terminal(): Context {
  err = [];
  return {
    now: new Date('2026-11-22T08:00:00Z'), zone: 'Asia/Jakarta', stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) },
    isTTY: true, stderrIsTTY: true, interactive: true, width: 100, color: false, debug: false, dbPath: ':memory:', db: () => h.db, env: {},
  };
}
const rows = () => h.db.prepare('SELECT id, due_at, status, outcome FROM followups ORDER BY id').all();

beforeEach(async () => {
  script();
  h = harness('2026-11-22T08:00:00Z', 'Asia/Jakarta');
  await ok(h, ['add', 'Budi', '--company', 'PT Maju', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00']);
});

describe('followup on a terminal', () => {
  it('asks when, when --at is missing', async () => {
    script('tomorrow');
    await schedule(terminal(), ['Budi'], {});
    expect(asked).toEqual(["When? (e.g. 'tomorrow 10am', 2026-12-01 14:30, +2w)"]);
    expect(rows()).toEqual([{ id: 1, due_at: '2026-11-23T03:00:00.000Z', status: 'scheduled', outcome: null }]);
  });

  it('rejects an unreadable answer with the example', async () => {
    script('someday');
    await expect(schedule(terminal(), ['Budi'], {})).rejects.toThrow("rejected: cannot read the date 'someday' for the answer: try 2026-12-01");
    expect(rows()).toEqual([]);
  });

  it('asks for the outcome and the next step, and writes both at once', async () => {
    await ok(h, ['followup', '1', '--at', '2026-11-22 10:00']);
    script('reached', 'tuesday 11:00');
    const result = await done(terminal(), ['1'], {});
    expect(asked).toEqual(['What happened?', 'Next step: when? (empty for none)']);
    expect(rows()).toEqual([
      { id: 1, due_at: '2026-11-22T03:00:00.000Z', status: 'done', outcome: 'reached' },
      { id: 2, due_at: '2026-11-24T04:00:00.000Z', status: 'scheduled', outcome: null },
    ]);
    expect((result.json as any).next.id).toBe(2);
    expect(err).toEqual([]);
  });

  it('accepts no next step, and warns', async () => {
    await ok(h, ['followup', '1', '--at', '2026-11-22 10:00']);
    script('');
    const ctx = terminal();
    await done(ctx, ['1'], { outcome: 'no-answer' });
    expect(asked).toEqual(['Next step: when? (empty for none)']);
    // Held until the result is printed (main.ts flushes after it), then written.
    expect(err).toEqual([]);
    flushNotices(ctx);
    expect(err).toEqual(['warning: deal #1 has no next step: every step should end with a commitment for the next (salesctl followup 1 --at ...)\n']);
  });

  it('does not ask for a next step when one is already scheduled', async () => {
    await ok(h, ['followup', '1', '--at', '2026-11-22 10:00']);
    await ok(h, ['followup', '1', '--at', '2026-11-25 10:00']);
    await done(terminal(), ['1'], { outcome: 'reached' });
    expect(asked).toEqual([]);
  });

  it('asks for the new time of a reschedule', async () => {
    await ok(h, ['followup', '1', '--at', '2026-11-22 10:00']);
    script('2026-11-23 11:00');
    await reschedule(terminal(), ['1'], {});
    expect(rows()).toEqual([{ id: 1, due_at: '2026-11-23T04:00:00.000Z', status: 'scheduled', outcome: null }]);
  });
});
