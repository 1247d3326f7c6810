// How deals read: times on a terminal vs a pipe, values, and the deals listing.
import { instant, instantFormatter, when } from './instant.js';
import { formatMoney, toDecimalString } from '../core/money.js';
import type { DealLine, DealListRow } from '../db/dealViews.js';
import type { DealRow } from '../db/deals.js';
import { dealJson, type DealJson } from './records.js';
import type { CommitmentKind } from '../core/vocab.js';
import { paint, safe, table, type Column, type View } from './text.js';

/** A deal's value for people, or '—' / '' when it has none. */
export function dealValue(deal: Pick<DealRow, 'value_minor' | 'currency'>, view: Pick<View, 'isTTY'>): string {
  return valueText(deal.value_minor, deal.currency, view.isTTY);
}

function valueText(minor: number | null, currency: string | null, isTTY: boolean): string {
  return minor === null || !currency ? (isTTY ? '—' : '') : formatMoney(minor, currency);
}

/** '#12 Fleet renewal — Budi Santoso (PT Maju)', escaped. */
export function dealLabel(deal: DealRow): string {
  return `#${deal.id} ${safe(deal.title)} — ${safe(deal.prospect_name)}${deal.company ? ` (${safe(deal.company)})` : ''}`;
}

/** A deal in a listing (`list --json`): the deal, its prospect's name, its next follow-up and latest commitment. */
export type DealListJson = DealJson & {
  prospect: string;
  next_followup_at: string | null;
  commitment: CommitmentKind | null;
  cadence: string | null;
};

/** A deal in a listing as JSON. */
export function dealListJson(deal: DealListRow, zone: string): DealListJson {
  return {
    ...dealJson(deal, zone),
    prospect: deal.prospect_name,
    next_followup_at: instant(deal.next_followup_at, zone),
    commitment: deal.commitment,
    cadence: deal.cadence ?? null,
  };
}

const STATUS_COLOUR = { open: 'cyan', won: 'green', lost: 'red', 'not-now': 'yellow' } as const;

// On a narrow terminal the title, then the company, are cut; then commitment, value, company and status go.
const DEAL_COLUMNS: Column[] = [
  { header: 'Id' }, { header: 'Prospect' }, { header: 'Company', cut: 2, drop: 3 }, { header: 'Deal', cut: 1 }, { header: 'Value', drop: 2 },
  { header: 'Status', drop: 4 }, { header: 'Next follow-up' }, { header: 'Commitment', drop: 1 },
];

/** The deals table (terminal) or TSV rows with ISO times (pipe; the lines may come one by one). */
export function dealsText(deals: DealLine[] | Iterable<DealLine>, view: View): string {
  const value = (minor: number | null, currency: string | null) => valueText(minor, currency, view.isTTY);
  if (!view.isTTY) {
    // A pipe can carry 100,000 deals: lines written straight, instants through the per-day formatter of
    // the exports, joined a thousand at a time (so each line is garbage while still young) and then once.
    const iso = instantFormatter(view.zone);
    const chunks: string[] = [];
    let lines: string[] = [];
    for (const [id, prospect, company, title, minor, currency, status, next, commitment] of deals) {
      lines.push(`${id}\t${safe(prospect)}\t${safe(company)}\t${safe(title)}\t${value(minor, currency)}\t${status}\t${next ? iso(next) : ''}\t${commitment ?? ''}\n`);
      if (lines.length === 1000) {
        chunks.push(lines.join(''));
        lines = [];
      }
    }
    chunks.push(lines.join(''));
    return chunks.join('');
  }
  if (!Array.isArray(deals) || !deals.length) return 'No deals.\n';
  const c = paint(view);
  const rows = (deals as DealLine[]).map(([id, prospect, company, title, minor, currency, status, next, commitment]) => [
    id, safe(prospect), safe(company), safe(title), value(minor, currency), c[STATUS_COLOUR[status]](status), when(next, view), commitment ?? '—',
  ]);
  return table(view, DEAL_COLUMNS, rows);
}

/** The deals as CSV: exact values in major units, ISO times. */
export async function dealsCsv(deals: DealListRow[], zone: string): Promise<string> {
  // The CSV writer (render/csv.ts) loads only for --csv: `commit` and `close` import this module for `when`.
  const { csv } = await import('./csv.js');
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
