// `salesctl reopen <deal>`: a not-now, lost or won deal is open again, with its history (commitments,
// follow-ups, post-mortems, timeline) intact and an event saying so. Repeat business on a won deal is a new
// deal for the same prospect (`add` reuses the prospect); reopening a won deal is for a sale that fell through.
import type { ReopenFlags } from '../cli.js';
import type { Context } from '../context.js';
import { hint, warn } from '../context.js';
import { optionalText } from '../core/text.js';
import { describeEvery } from '../core/cadence.js';
import { isoInZone } from '../core/time.js';
import { UsageError } from '../errors.js';
import { nextScheduled, reopenDeal } from '../db/deals.js';
import { resolveDeal } from '../db/which.js';
import { recordEvent } from '../db/events.js';
import { inTransaction } from '../db/transaction.js';
import { dealLabel } from '../render/deals.js';
import { instant, when } from '../render/instant.js';
import { dealJson } from '../render/records.js';
import type { Result } from '../render/result.js';
import { paint, safe } from '../render/text.js';

export async function run(ctx: Context, [ref]: string[], flags: ReopenFlags): Promise<Result> {
  const note = optionalText(flags.note, '--note');
  const db = ctx.db();
  const deal = resolveDeal(db, ref ?? '');
  if (deal.status === 'open') throw new UsageError(`deal #${deal.id} is already open: reopen is for not-now, lost or won deals`);
  const was = deal.status;
  const { reopened, next } = inTransaction(db, () => {
    // Re-checked inside the transaction: another process may have reopened it meanwhile.
    const current = resolveDeal(db, String(deal.id));
    if (current.status === 'open') throw new UsageError(`deal #${deal.id} is already open: reopen is for not-now, lost or won deals`);
    const reopened = reopenDeal(db, deal.id);
    const since = current.closed_at ? ` since ${isoInZone(current.closed_at, ctx.zone)}` : '';
    recordEvent(db, deal.id, ctx.now, 'reopened', `reopened (was ${was}${since})${note ? `: ${note}` : ''}`);
    return { reopened, next: nextScheduled(db, deal.id) };
  });
  if (was === 'won') {
    hint(ctx, `reopening a won deal is for a sale that fell through; repeat business is a new deal: salesctl add '${deal.prospect_name}' --deal '<what they buy now>'`);
  }
  if (!next) warn(ctx, `deal #${deal.id} has no next step: every step should end with a commitment for the next (salesctl followup ${deal.id} --at ...)`);
  return {
    json: { ...dealJson(reopened, ctx.zone), cadence: reopened.cadence ?? null, was, next_followup_at: instant(next?.due_at, ctx.zone) },
    text(view) {
      const c = paint(view);
      const step = next ? ` Next step: ${safe(next.purpose)} ${safe(next.channel)} #${next.id} on ${when(next.due_at, view)}.` : '';
      const rhythm = reopened.cadence ? ` Still keeping in touch ${describeEvery(reopened.cadence)} (salesctl cadence ${reopened.id} off to stop).` : '';
      return `${c.green('Reopened')} ${dealLabel(reopened)} (was ${was}).${step}${rhythm}\n`;
    },
  };
}
