// `salesctl cadence <deal> [<every>|off]`: the deal's keep-in-touch rhythm. Completing a follow-up of the deal
// schedules the next one that long after the contact (core/cadence.ts); without <every> it shows the rhythm.
import type { Context } from '../context.js';
import { hint } from '../context.js';
import { describeEvery, parseEvery } from '../core/cadence.js';
import { nextScheduled, setCadence } from '../db/deals.js';
import { resolveDeal } from '../db/which.js';
import { recordEvent } from '../db/events.js';
import { inTransaction } from '../db/transaction.js';
import { dealLabel } from '../render/deals.js';
import { instant, when } from '../render/instant.js';
import { dealJson } from '../render/records.js';
import type { Result } from '../render/result.js';
import { paint } from '../render/text.js';
import { UsageError } from '../errors.js';

export async function run(ctx: Context, [ref, everyText]: string[]): Promise<Result> {
  const off = everyText !== undefined && /^(off|none|stop)$/i.test(everyText.trim());
  const every = everyText === undefined || off ? null : parseEvery(everyText, 'the rhythm');
  const db = ctx.db();
  let deal = resolveDeal(db, ref ?? '');
  if (everyText !== undefined) {
    if (deal.status === 'won' || deal.status === 'lost') {
      throw new UsageError(`deal #${deal.id} is ${deal.status}: a rhythm keeps in touch on open or not-now deals (repeat business: add a new deal)`);
    }
    if ((deal.cadence ?? null) !== every) {
      deal = inTransaction(db, () => {
        const changed = setCadence(db, deal.id, every);
        recordEvent(db, deal.id, ctx.now, 'cadence', every ? `keep in touch ${describeEvery(every)}` : 'rhythm stopped');
        return changed;
      });
    }
  }
  const next = nextScheduled(db, deal.id);
  if (every && !next) hint(ctx, `the rhythm starts at the next completed follow-up: schedule the first with salesctl followup ${deal.id} --at ...`);
  const cadence = deal.cadence ?? null;
  return {
    json: { ...dealJson(deal, ctx.zone), cadence, next_followup_at: instant(next?.due_at, ctx.zone) },
    text(view) {
      const c = paint(view);
      const rhythm = cadence ? `keeps in touch ${c.bold(describeEvery(cadence))}` : 'has no rhythm';
      const step = next ? `; next: ${next.purpose} ${next.channel} #${next.id} on ${when(next.due_at, view)}` : '';
      return `${dealLabel(deal)} ${rhythm}${step}\n`;
    },
  };
}
