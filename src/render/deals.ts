// How deals read: times on a terminal vs a pipe, values, and the deals listing.
import { formatInZone, isoInZone } from '../core/time.js';
import { formatMoney, toDecimalString } from '../core/money.js';
import type { DealListRow } from '../db/dealViews.js';
import type { DealRow } from '../db/deals.js';
import { dealJson, instant } from './records.js';
import { csv } from './csv.js';
import { paint, safe, table, type View } from './text.js';

/** An instant for people: 'Mon 23 Nov 10:00' on a terminal (the year when not this year), ISO in a pipe; '—' / '' when none. */
export function when(value: string | null | undefined, view: View): string {
  if (!value) return view.isTTY ? '—' : '';
  if (!view.isTTY) return isoInZone(value, view.zone);
  const sameYear = formatInZone(value, view.zone, 'YYYY') === formatInZone(view.now, view.zone, 'YYYY');
  return formatInZone(value, view.zone, sameYear ? 'ddd D MMM HH:mm' : 'ddd D MMM YYYY HH:mm');
}

/** A deal's value for people, or '—' / '' when it has none. */
export function dealValue(deal: Pick<DealRow, 'value_minor' | 'currency'>, view: Pick<View, 'isTTY'>): string {
  if (deal.value_minor === null || !deal.currency) return view.isTTY ? '—' : '';
  return formatMoney(deal.value_minor, deal.currency);
}

/** '#12 Fleet renewal — Budi Santoso (PT Maju)', escaped. */
export function dealLabel(deal: DealRow): string {
  return `#${deal.id} ${safe(deal.title)} — ${safe(deal.prospect_name)}${deal.company ? ` (${safe(deal.company)})` : ''}`;
}

/** A deal in a listing as JSON. */
export function dealListJson(deal: DealListRow, zone: string) {
  return {
    ...dealJson(deal, zone),
    prospect: deal.prospect_name,
    next_followup_at: instant(deal.next_followup_at, zone),
    commitment: deal.commitment,
    cadence: deal.cadence ?? null,
  };
}

const STATUS_COLOUR = { open: 'cyan', won: 'green', lost: 'red', 'not-now': 'yellow' } as const;

/** The deals table (terminal) or TSV rows with ISO times (pipe). */
export function dealsText(deals: DealListRow[], view: View): string {
  if (!deals.length) return view.isTTY ? 'No deals.\n' : '';
  const c = paint(view);
  const rows = deals.map((d) => [
    d.id,
    safe(d.prospect_name),
    safe(d.company),
    safe(d.title),
    dealValue(d, view),
    view.isTTY ? c[STATUS_COLOUR[d.status]](d.status) : d.status,
    when(d.next_followup_at, view),
    d.commitment ?? (view.isTTY ? '—' : ''),
  ]);
  return table(view, ['ID', 'PROSPECT', 'COMPANY', 'DEAL', 'VALUE', 'STATUS', 'NEXT FOLLOW-UP', 'COMMITMENT'], rows);
}

/** The deals as CSV: exact values in major units, ISO times. */
export function dealsCsv(deals: DealListRow[], zone: string): string {
  return csv(
    ['id', 'prospect', 'company', 'title', 'value', 'currency', 'status', 'stage', 'created_at', 'closed_at', 'next_followup_at', 'commitment'],
    deals.map((d) => [
      d.id,
      d.prospect_name,
      d.company,
      d.title,
      d.value_minor !== null && d.currency ? toDecimalString(d.value_minor, d.currency) : '',
      d.currency,
      d.status,
      d.stage,
      instant(d.created_at, zone),
      instant(d.closed_at, zone),
      instant(d.next_followup_at, zone),
      d.commitment,
    ]),
  );
}
