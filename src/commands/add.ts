// `salesctl add <prospect>`: a prospect (reused when the name and company match) and a new deal.
import type { AddFlags } from '../cli.js';
import type { Context } from '../context.js';
import { hint, prompts, warn } from '../context.js';
import { describeEvery, parseEvery } from '../core/cadence.js';
import { differenceWarning, mergeProspect, type Difference } from '../core/prospectMerge.js';
import { parseBestTime } from '../core/bestTime.js';
import { checkCurrency, formatMoney, readMoney } from '../core/money.js';
import { checkZone } from '../core/time.js';
import { checkEmail } from '../core/email.js';
import { UsageError } from '../errors.js';
import { MAX_NAME, MAX_TITLE, optionalText, requireText } from '../core/text.js';
import { insertDeal, setCadence } from '../db/deals.js';
import { openDealNamed } from '../db/dealTwins.js';
import { recordEvent } from '../db/events.js';
import { inTransaction } from '../db/transaction.js';
import { findProspect, insertProspect, renameProspect, updateProspect, type ProspectFields, type ProspectRow } from '../db/prospects.js';
import type { Result } from '../render/result.js';
import { dealJson, prospectJson, type DealJson, type ProspectJson } from '../render/records.js';
import { paint, safe } from '../render/text.js';

/** `add --json`: the deal with its prospect nested, and whether that prospect already existed. */
export type AddJson = DealJson & { cadence: string | null; prospect: ProspectJson & { reused: boolean } };

export async function run(ctx: Context, [name]: string[], flags: AddFlags): Promise<Result> {
  const prospectName = requireText(name, 'the prospect name', MAX_NAME);
  const company = optionalText(flags.company, '--company', MAX_NAME) ?? '';
  const said = flags.currency ?? ctx.env.SALESCTL_CURRENCY;
  const money = flags.value !== undefined ? readMoney(flags.value, { currency: said && checkCurrency(said), currencyFrom: flags.currency ? '--currency' : 'SALESCTL_CURRENCY', flag: '--value' }) : null;
  if (money?.readAs) warn(ctx, money.readAs);
  const currency = money?.currency ?? (flags.currency ? checkCurrency(flags.currency) : null);
  const valueMinor = money?.minor ?? null;
  const window = flags.bestTime ? parseBestTime(flags.bestTime) : undefined;
  const fields: ProspectFields = {
    name: prospectName,
    company,
    role: optionalText(flags.role, '--role'),
    email: optionalEmail(flags.email),
    phone: optionalText(flags.phone, '--phone'),
    decision_maker: flags.decisionMaker === undefined ? null : flags.decisionMaker ? 1 : 0,
    segment: optionalText(flags.segment, '--segment'),
    tz: flags.tz ? checkZone(flags.tz.trim()) : null,
    best_time_start: window?.start ?? null,
    best_time_end: window?.end ?? null,
    channel: flags.channel ?? null,
    notes: optionalText(flags.note, '--note'),
  };
  const title = flags.deal !== undefined ? requireText(flags.deal, '--deal', MAX_TITLE) : company || prospectName;
  const every = flags.every !== undefined ? parseEvery(flags.every) : null;

  const db = ctx.db();
  // An exact duplicate of an open deal (same prospect, same title) is usually a slip: asked on a terminal.
  const before = findProspect(db, prospectName, company);
  let allowDuplicate = Boolean(flags.allowDuplicate);
  const twin = before && !allowDuplicate ? openDealNamed(db, before.id, title) : undefined;
  if (twin) {
    const message = `${before!.name} already has open deal #${twin} '${title}'`;
    if (!ctx.interactive) throw new UsageError(`${message}: add --allow-duplicate to add another, or --deal '<another title>'`);
    const { confirm } = await prompts(ctx);
    if (!(await confirm({ message: `${safe(message)}. Add another deal of the same title?`, default: false }))) {
      throw new UsageError(`nothing was added: ${message} (salesctl show ${twin})`);
    }
    allowDuplicate = true;
  }
  const { prospect, deal, reused, differences } = inTransaction(db, () => {
    const existing = findProspect(db, prospectName, company);
    if (existing && !allowDuplicate) {
      const again = openDealNamed(db, existing.id, title);
      if (again) throw new UsageError(`${existing.name} already has open deal #${again} '${title}': add --allow-duplicate to add another`);
    }
    let differences: Difference[] = [];
    let prospect: ProspectRow;
    if (existing) {
      const merged = mergeProspect(existing, fields, Boolean(flags.update));
      differences = merged.differences;
      prospect = updateProspect(db, existing.id, merged.changes);
      if (merged.changes.name) prospect = renameProspect(db, existing.id, merged.changes.name);
    } else {
      prospect = insertProspect(db, fields, ctx.now);
    }
    let deal = insertDeal(db, { prospect_id: prospect.id, title, value_minor: valueMinor, currency, stage: flags.stage ?? null }, ctx.now);
    if (every) deal = setCadence(db, deal.id, every);
    const rhythm = every ? `; keep in touch ${describeEvery(every)}` : '';
    recordEvent(db, deal.id, ctx.now, 'created', `deal created${valueMinor !== null ? ` (${formatMoney(valueMinor, currency!)})` : ''}${rhythm}`);
    return { prospect, deal, reused: Boolean(existing), differences };
  });
  // The window is read in the prospect's zone: only one with no zone at all reads it in yours.
  if (window && !prospect.tz) hint(ctx, `--best-time is read in the prospect's zone; without --tz it is your own (${ctx.zone})`);
  if (differences.length) warn(ctx, differenceWarning(`${prospect.name}${prospect.company ? ` (${prospect.company})` : ''}`, differences, Boolean(flags.update)));
  // A date alone lands at the start of their best time: suggesting '10am' would fall outside a window elsewhere.
  hint(ctx, `every step ends with a commitment for the next: salesctl followup ${deal.id} --at ${prospect.best_time_start ? 'tomorrow' : "'tomorrow 10am'"}`);

  return {
    json: { ...dealJson(deal, ctx.zone), cadence: deal.cadence ?? null, prospect: { ...prospectJson(prospect, ctx.zone), reused } } satisfies AddJson,
    text(view) {
      const c = paint(view);
      const value = valueMinor !== null ? ` · ${formatMoney(valueMinor, currency!)}` : '';
      const who = `${safe(prospect.name)}${prospect.company ? ` (${safe(prospect.company)})` : ''}`;
      return `${c.green('Added')} deal #${deal.id} ${safe(deal.title)} for ${who}${value}${reused ? ' · existing prospect' : ''}\n`;
    },
  };
}



function optionalEmail(value: string | undefined): string | null {
  const email = optionalText(value, '--email');
  if (email) checkEmail(email, value);
  return email;
}
