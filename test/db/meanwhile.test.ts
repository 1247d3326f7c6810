// Each write that depends on a state read before its transaction re-checks it inside: a follow-up, a
// commitment or a deal changed by another process meanwhile refuses the whole write (exit 2, one line).
// Here the "other process" is a direct UPDATE between the read and the write; test/e2e/races.test.ts
// does the same with two real processes.
import { describe, expect, it } from 'vitest';
import { completeFollowup, cancelFollowup, getFollowup, insertFollowup, rescheduleFollowup } from '../../src/db/followups.js';
import { getCommitment, insertCommitment, resolveCommitment } from '../../src/db/commitments.js';
import { closeDeal, expectDealStatus, getDeal } from '../../src/db/deals.js';
import { inTransaction } from '../../src/db/transaction.js';
import { UsageError } from '../../src/errors.js';
import { harness } from '../helpers.js';

const NOW = new Date('2026-11-22T08:00:00Z');

async function fixture() {
  const h = harness();
  expect((await h.run(['add', 'Budi', '--company', 'PT Maju'])).code).toBe(0);
  expect((await h.run(['followup', '1', '--at', '2026-11-25 10:00'])).code).toBe(0);
  expect((await h.run(['commit', '1', 'low', 'a decision next week'])).code).toBe(0);
  const events = () => (h.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
  return { db: h.db, events };
}

/** Runs `work` in a transaction and returns the refusal it ends with. */
function refusal(db: Parameters<typeof inTransaction>[0], work: () => unknown): UsageError {
  try {
    inTransaction(db, work);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error('the write was not refused');
}

describe('a follow-up changed meanwhile', () => {
  it.each([
    ['done', (db: any) => completeFollowup(db, 1, 'reached', null, NOW)],
    ['reschedule', (db: any) => rescheduleFollowup(db, 1, new Date('2026-11-26T10:00:00Z'))],
    ['cancel', (db: any) => cancelFollowup(db, 1, NOW)],
  ])('%s refuses one cancelled meanwhile, and rolls back what the write did before', async (_, act) => {
    const { db, events } = await fixture();
    db.prepare("UPDATE followups SET status = 'cancelled' WHERE id = 1").run();
    const before = events();
    const error = refusal(db, () => {
      db.prepare("INSERT INTO events (deal_id, at, kind, summary) VALUES (1, '2026-11-22T08:00:00.000Z', 'x', 'written first')").run();
      act(db);
    });
    expect(error.message).toBe('follow-up #1 was cancelled meanwhile: nothing was recorded');
    expect(events()).toBe(before);
    expect(getFollowup(db, 1)).toMatchObject({ status: 'cancelled', outcome: null, due_at: '2026-11-25T10:00:00.000Z' });
  });

  it('names the outcome of one completed meanwhile', async () => {
    const { db } = await fixture();
    db.prepare("UPDATE followups SET status = 'done', outcome = 'voicemail' WHERE id = 1").run();
    expect(refusal(db, () => cancelFollowup(db, 1, NOW)).message).toBe('follow-up #1 was completed (voicemail) meanwhile: nothing was recorded');
  });

  it('takes no new follow-up on a deal won meanwhile', async () => {
    const { db } = await fixture();
    db.prepare("UPDATE deals SET status = 'won' WHERE id = 1").run();
    const error = refusal(db, () =>
      insertFollowup(db, { deal_id: 1, due_at: NOW, channel: 'call', purpose: 'follow-up', agreed: false, notes: null }, NOW),
    );
    expect(error.message).toBe('deal #1 was closed as won meanwhile: nothing was recorded');
  });
});

describe('a commitment or deal changed meanwhile', () => {
  it('kept/broken refuses a commitment resolved meanwhile', async () => {
    const { db } = await fixture();
    db.prepare("UPDATE commitments SET status = 'broken' WHERE id = 1").run();
    expect(refusal(db, () => resolveCommitment(db, 1, 'kept', NOW)).message).toBe('commitment #1 was marked broken meanwhile: nothing was recorded');
    expect(getCommitment(db, 1)).toMatchObject({ status: 'broken', resolved_at: null });
  });

  it('a new commitment refuses a deal closed meanwhile', async () => {
    const { db } = await fixture();
    db.prepare("UPDATE deals SET status = 'not-now' WHERE id = 1").run();
    const error = refusal(db, () =>
      insertCommitment(db, { deal_id: 1, kind: 'firm', what: null, given_by: null, promised_at: NOW, payment: null }, NOW),
    );
    expect(error.message).toBe('deal #1 was closed as not-now meanwhile: nothing was recorded');
  });

  it('close refuses a deal closed meanwhile, and its cancelled follow-ups come back', async () => {
    const { db } = await fixture();
    db.prepare("UPDATE deals SET status = 'lost' WHERE id = 1").run();
    const error = refusal(db, () => {
      db.prepare("UPDATE followups SET status = 'cancelled' WHERE deal_id = 1").run();
      closeDeal(db, 1, 'won', NOW, null);
    });
    expect(error.message).toBe('deal #1 was closed as lost meanwhile: nothing was recorded');
    expect(getFollowup(db, 1)!.status).toBe('scheduled');
    expect(getDeal(db, 1)!.status).toBe('lost');
  });

  it('expectDealStatus passes the status read, and names a reopening', async () => {
    const { db } = await fixture();
    expect(() => inTransaction(db, () => expectDealStatus(db, 1, 'open'))).not.toThrow();
    expect(refusal(db, () => expectDealStatus(db, 1, 'lost')).message).toBe('deal #1 was reopened meanwhile: nothing was recorded');
  });
});
