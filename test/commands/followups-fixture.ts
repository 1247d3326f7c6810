// A morning's book for the followup and due tests, built with `add` and `followup` themselves; the
// history (completed follow-ups, commitments, an old deal) is written with SQL.
import { harness, type Harness } from '../helpers.js';

/** Sunday 22 Nov 2026, 15:00 in Jakarta, 03:00 in New York. */
export const NOW = '2026-11-22T08:00:00Z';
export const ZONE = 'Asia/Jakarta';

export async function ok(h: Harness, argv: string[], now?: string): Promise<string> {
  const r = await h.run(argv, { now });
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/**
 * #1 Budi Santoso (PT Maju, Jakarta, best 10-12, chat): firm commitment; follow-up #1 today 14:00 (1h overdue),
 *    closure call #2 today 16:00, follow-up #3 tomorrow 10:00.
 * #2 Ann Lee (Acme, New York, 1,500.00 USD): low commitment; truth call #4 yesterday 10:00 (overdue), follow-up #5 today 21:00.
 * #3 Cy (Quiet Co), created 30 days ago: nothing since (no next step, gone quiet).
 * #4 Dewi (CV Baru), created today: no next step.
 * #5 Eko (CV Sepi): two unanswered follow-ups (#6, #7), then follow-up #8 next week (gone quiet).
 */
export async function morning(): Promise<Harness> {
  const h = harness(NOW, ZONE);
  await ok(h, ['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--value', '15000000', '--currency', 'IDR', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--channel', 'chat']);
  await ok(h, ['add', 'Ann Lee', '--company', 'Acme', '--value', '1500', '--currency', 'USD', '--tz', 'America/New_York', '--best-time', '09:00-11:00']);
  await ok(h, ['add', 'Cy', '--company', 'Quiet Co'], '2026-10-23T08:00:00Z');
  await ok(h, ['add', 'Dewi', '--company', 'CV Baru']);
  await ok(h, ['add', 'Eko', '--company', 'CV Sepi'], '2026-11-01T08:00:00Z');
  await ok(h, ['followup', '1', '--at', '2026-11-22 14:00']);
  await ok(h, ['followup', 'Budi', '--at', '2026-11-22 16:00', '--closure']);
  await ok(h, ['followup', '1', '--at', 'tomorrow']);
  await ok(h, ['followup', 'Acme', '--at', '2026-11-21 10:00', '--purpose', 'truth']);
  await ok(h, ['followup', 'Ann', '--at', '2026-11-22 21:00', '--agreed']);
  await ok(h, ['followup', 'Eko', '--at', '2026-11-10 10:00'], '2026-11-02T08:00:00Z');
  await ok(h, ['followup', 'done', '6', '--outcome', 'no-answer', '--next', '2026-11-12 10:00'], '2026-11-10T03:00:00Z');
  await ok(h, ['followup', 'done', '7', '--outcome', 'voicemail', '--next', '2026-11-29 10:00'], '2026-11-12T03:00:00Z');
  const commit = h.db.prepare("INSERT INTO commitments (deal_id, kind, status, created_at) VALUES (?, ?, 'pending', ?)");
  commit.run(1, 'low', '2026-11-15T03:00:00.000Z');
  commit.run(1, 'firm', '2026-11-20T03:00:00.000Z');
  commit.run(2, 'low', '2026-11-18T03:00:00.000Z');
  return h;
}
