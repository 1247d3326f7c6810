// `salesctl add <prospect>`: a prospect (reused when the name and company match) and a new deal.
import type { Context } from '../context.js';
import { hint, warn } from '../context.js';
import { parseBestTime } from '../core/bestTime.js';
import { checkCurrency, formatMoney, readMoney } from '../core/money.js';
import { checkZone } from '../core/time.js';
import { UsageError } from '../errors.js';
import { optionalText, requireText } from '../core/text.js';
import { insertDeal } from '../db/deals.js';
import { recordEvent } from '../db/events.js';
import { write } from '../db/open.js';
import { findProspect, insertProspect, updateProspect, type ProspectFields } from '../db/prospects.js';
import type { Result } from '../render/result.js';
import { dealJson, prospectJson } from '../render/records.js';
import { paint, safe } from '../render/text.js';

export interface AddFlags {
  company?: string;
  deal?: string;
  value?: string;
  currency?: string;
  email?: string;
  phone?: string;
  role?: string;
  decisionMaker?: boolean;
  segment?: string;
  tz?: string;
  bestTime?: string;
  channel?: string;
  stage?: string;
  note?: string;
}

export async function run(ctx: Context, [name]: string[], flags: AddFlags): Promise<Result> {
  const prospectName = requireText(name, 'the prospect name', 200);
  const company = optionalText(flags.company, '--company', 200) ?? '';
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
  const title = flags.deal !== undefined ? requireText(flags.deal, '--deal', 500) : company || prospectName;
  if (window && !fields.tz) hint(ctx, `--best-time is read in the prospect's zone; without --tz it is your own (${ctx.zone})`);

  const db = ctx.db();
  const { prospect, deal, reused } = write(db, () => {
    const existing = findProspect(db, prospectName, company);
    const prospect = existing ? updateProspect(db, existing.id, fields) : insertProspect(db, fields, ctx.now);
    const deal = insertDeal(db, { prospect_id: prospect.id, title, value_minor: valueMinor, currency, stage: flags.stage ?? null }, ctx.now);
    recordEvent(db, deal.id, ctx.now, 'created', `deal created${valueMinor !== null ? ` (${formatMoney(valueMinor, currency!)})` : ''}`);
    return { prospect, deal, reused: Boolean(existing) };
  });
  hint(ctx, `every step ends with a commitment for the next: salesctl followup ${deal.id} --at 'tomorrow 10am'`);

  return {
    json: { ...dealJson(deal, ctx.zone), prospect: { ...prospectJson(prospect, ctx.zone), reused } },
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
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`'${value}' is not an email address: use e.g. budi@example.com`);
  return email;
}
