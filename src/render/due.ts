// The morning table: follow-ups due (overdue first), then open deals with no next step, then deals gone quiet.
import { isOverdue, overdueLabel, type Until } from '../core/due.js';
import { formatMoney, toDecimalString } from '../core/money.js';
import { isClosure } from '../core/vocab.js';
import { majorValue } from './records.js';
import { isoInZone, localDate, localTime } from '../core/time.js';
import { dayAndTime } from './instant.js';
import { theirTimes } from './theirTime.js';
import { wrap } from './layout.js';
import type { DueRow, OpenDealRow } from '../db/due.js';
import type { CommitmentKind } from '../core/vocab.js';
import { count, paint, safe, table, type Column, type View } from './text.js';

/** A deal gone quiet, and why. */
export interface QuietDeal extends OpenDealRow {
  /** salesctl's own words: a count of days, or two of UNANSWERED_OUTCOMES (core/quiet.ts), nothing stored. */
  reason: string;
  /** When it last had contact (ms): a terminal shows the longest silent first when it has to cut the list. */
  lastContact: number;
}

/** How many gone-quiet deals a terminal lists; --json, --csv and a pipe always carry them all. */
const QUIET_ON_SCREEN = 20;
/** How many deals without a next step a terminal lists (the newest); --json, --csv and a pipe carry them all. */
const NO_NEXT_STEP_ON_SCREEN = 20;

/** What `due` found. `until` is set when the user gave --until. */
export interface DueReport {
  now: Date;
  items: DueRow[];
  noNextStep: OpenDealRow[];
  goneQuiet: QuietDeal[];
  until?: Until;
}

/** A follow-up due, in `due --json`. */
export interface DueItemJson {
  followup_id: number;
  deal_id: number;
  prospect: string;
  company: string | null;
  title: string;
  due_at: string;
  their_time: string | null;
  channel: DueRow['channel'];
  purpose: DueRow['purpose'];
  closure: boolean;
  agreed: boolean;
  overdue: boolean;
  commitment: CommitmentKind | null;
  cadence: string | null;
  value: number | null;
  currency: string | null;
}

/** An open deal with no next step, in `due --json`. */
export interface DueDealJson {
  deal_id: number;
  prospect: string;
  company: string | null;
  title: string;
}

/** A deal gone quiet, in `due --json`: salesctl's reason in its own words. */
export interface QuietDealJson extends DueDealJson {
  reason: string;
}

/** `due --json`. */
export interface DueJson {
  items: DueItemJson[];
  no_next_step: DueDealJson[];
  gone_quiet: QuietDealJson[];
}

/** The --json document: {items, no_next_step, gone_quiet}. */
export function dueJson(report: DueReport, zone: string): DueJson {
  return {
    items: report.items.map((row) => {
      const dueAt = new Date(row.due_at);
      return {
        followup_id: row.followup_id,
        deal_id: row.deal_id,
        prospect: row.prospect,
        company: row.company || null,
        title: row.title,
        due_at: isoInZone(dueAt, zone),
        their_time: row.tz ? isoInZone(dueAt, row.tz) : null,
        channel: row.channel,
        purpose: row.purpose,
        closure: isClosure(row.purpose),
        agreed: row.agreed === 1,
        overdue: isOverdue(dueAt, report.now),
        commitment: row.commitment,
        cadence: row.cadence ?? null,
        value: majorValue(row),
        currency: row.currency,
      };
    }),
    no_next_step: report.noNextStep.map((deal) => ({ deal_id: deal.deal_id, prospect: deal.prospect, company: deal.company || null, title: deal.title })),
    gone_quiet: report.goneQuiet.map((deal) => ({
      deal_id: deal.deal_id,
      prospect: deal.prospect,
      company: deal.company || null,
      title: deal.title,
      reason: deal.reason,
    })),
  };
}

export const DUE_CSV_COLUMNS = [
  'followup_id', 'deal_id', 'due_at', 'their_time', 'overdue', 'closure', 'agreed', 'prospect', 'company', 'title',
  'channel', 'purpose', 'commitment', 'value', 'currency',
];

/** The --csv rows: one per follow-up due, values exact in major units. */
export function dueCsvRows(report: DueReport, zone: string): unknown[][] {
  return report.items.map((row) => {
    const dueAt = new Date(row.due_at);
    return [
      row.followup_id, row.deal_id, isoInZone(dueAt, zone), row.tz ? isoInZone(dueAt, row.tz) : '', isOverdue(dueAt, report.now),
      isClosure(row.purpose), row.agreed === 1, row.prospect, row.company, row.title, row.channel, row.purpose,
      row.commitment ?? '', money(row, toDecimalString), row.currency ?? '',
    ];
  });
}

/**
 * On a terminal, three tables under headings. In a pipe, tab-separated rows whose first column names the
 * section (due, no-next-step, gone-quiet), so `awk -F'\t' '$1 == "due"'` picks one.
 */
export function dueText(report: DueReport, view: View): string {
  return view.isTTY ? terminal(report, view) : pipe(report, view);
}

// What gives way on a narrow terminal (render/layout.ts): titles, then names, are cut; then the columns
// with `drop` go, lowest first. Times, prospects and ids stay; a reason keeps 24 cells ('no contact for 125 days').
const DUE_COLUMNS: Column[] = [
  { header: '' }, { header: 'Time' }, { header: 'Their time' }, { header: 'Prospect' }, { header: 'Company', cut: 2, drop: 3 },
  { header: 'Channel', drop: 5 }, { header: 'Purpose', drop: 4 }, { header: 'Commitment', drop: 2 }, { header: 'Value', drop: 1 }, { header: 'Id' },
];
const NO_NEXT_STEP_COLUMNS: Column[] = [
  { header: 'Deal' }, { header: 'Prospect' }, { header: 'Company', cut: 2, drop: 2 }, { header: 'Title', cut: 1 }, { header: 'Next step', drop: 1 },
];
const GONE_QUIET_COLUMNS: Column[] = [
  { header: 'Deal' }, { header: 'Prospect' }, { header: 'Company', cut: 2, drop: 2 }, { header: 'Title', cut: 1 }, { header: 'Why', cut: 1, min: 24 },
  { header: 'Suggestion', drop: 1 },
];

function terminal(report: DueReport, view: View): string {
  const c = paint(view);
  const parts: string[] = [];
  if (report.items.length === 0) {
    const { until } = report;
    const label = until && dayAndTime(until.at, view.zone, until.hadTime);
    parts.push(label ? `Nothing due until ${label}.\n` : 'Nothing due today.\n');
  } else {
    const today = localDate(report.now, view.zone);
    const theirs = theirTimes(report.items.map((row) => ({ dueAt: new Date(row.due_at), tz: row.tz })), view.zone);
    const rows = report.items.map((row, i) => {
      const dueAt = new Date(row.due_at);
      const overdue = isOverdue(dueAt, report.now);
      const closure = isClosure(row.purpose);
      const marker = `${overdue ? c.red('!') : ''}${closure ? '★' : ''}`;
      const when = localDate(dueAt, view.zone) === today ? localTime(dueAt, view.zone) : dayAndTime(dueAt, view.zone);
      const time = overdue ? `${when} (${overdueLabel(dueAt, report.now, view.zone)})` : when;
      const purpose = closure ? 'CLOSURE' : `${row.purpose}${row.agreed ? ' (agreed)' : ''}${row.cadence ? ` ↻ ${row.cadence}` : ''}`;
      return [marker, time, theirs[i], row.prospect, row.company, row.channel, purpose, row.commitment ?? '—', money(row, formatMoney), row.followup_id];
    });
    parts.push(table(view, DUE_COLUMNS, rows));
  }
  if (report.noNextStep.length) {
    // A morning's worth: past NO_NEXT_STEP_ON_SCREEN (after importing a lead list: 50,000), the newest deals and the rest counted.
    const all = report.noNextStep;
    const shown = all.length <= NO_NEXT_STEP_ON_SCREEN ? all : all.slice(-NO_NEXT_STEP_ON_SCREEN).reverse();
    const rows = shown.map((d) => [d.deal_id, d.prospect, d.company, d.title, `salesctl followup ${d.deal_id} --at ...`]);
    const more = all.length - shown.length;
    const heading = `${c.bold('No next step')}: every step should end with a commitment for the next${more ? ` (the ${shown.length} newest of ${count(all.length)})` : ''}`;
    parts.push(`${wrap(heading, view.width ?? 80, 2)}\n` + table(view, NO_NEXT_STEP_COLUMNS, rows) + (more ? `… and ${count(more)} more: salesctl due --json lists them all\n` : ''));
  }
  if (report.goneQuiet.length) {
    // A morning's worth: past QUIET_ON_SCREEN, the longest silent first and the rest counted.
    const all = report.goneQuiet;
    const shown = all.length <= QUIET_ON_SCREEN ? all : [...all].sort((a, b) => a.lastContact - b.lastContact || a.deal_id - b.deal_id).slice(0, QUIET_ON_SCREEN);
    // Scheduling is suggested only when nothing is scheduled (the deal is then also under "No next step").
    // (Only the shown deals are looked for: after a lead-list import noNextStep can hold 100,000.)
    const ids = new Set(shown.map((d) => d.deal_id));
    const stepless = new Set<number>();
    for (const d of report.noNextStep) if (ids.has(d.deal_id)) stepless.add(d.deal_id);
    const rows = shown.map((d) => [d.deal_id, d.prospect, d.company, d.title, d.reason,
      stepless.has(d.deal_id) ? `salesctl followup ${d.deal_id} --purpose truth --at ...` : 'a follow-up is scheduled: make it a call for the truth']);
    const more = all.length - shown.length;
    const heading = `${wrap(`${c.bold('Gone quiet')}: call back for the truth, not to close${more ? ` (the ${shown.length} silent longest of ${count(all.length)})` : ''}`, view.width ?? 80, 2)}\n`;
    parts.push(heading + table(view, GONE_QUIET_COLUMNS, rows) + (more ? `… and ${count(more)} more: salesctl due --json lists them all\n` : ''));
  }
  return parts.join('\n');
}

function pipe(report: DueReport, view: View): string {
  const due = report.items.map((row) => {
    const dueAt = new Date(row.due_at);
    return [
      'due', row.followup_id, isoInZone(dueAt, view.zone), isOverdue(dueAt, report.now) ? 'overdue' : '', isClosure(row.purpose) ? 'closure' : '',
      row.prospect, row.company, row.channel, row.purpose, row.commitment ?? '', money(row, toDecimalString), row.currency ?? '',
    ];
  });
  // The deal sections can run to thousands of lines at 100k deals: written straight, without a row array
  // each, and joined once (one flat string to encode, not a chain of thousands of concatenations).
  const lines = [table(view, [], due)];
  for (const d of report.noNextStep) lines.push(`no-next-step\t${d.deal_id}\t${safe(d.prospect)}\t${safe(d.company)}\t${safe(d.title)}\n`);
  for (const d of report.goneQuiet) lines.push(`gone-quiet\t${d.deal_id}\t${safe(d.prospect)}\t${safe(d.company)}\t${safe(d.title)}\t${d.reason}\n`);
  return lines.join('');
}


function money(row: DueRow, format: (minor: number, currency: string) => string): string {
  return row.value_minor !== null && row.currency ? format(row.value_minor, row.currency) : '';
}
