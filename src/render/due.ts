// The morning table: follow-ups due (overdue first), then open deals with no next step, then deals gone quiet.
import { isOverdue, overdueLabel, type Until } from '../core/due.js';
import { formatMoney, toDecimalString } from '../core/money.js';
import { majorValue } from './records.js';
import { formatInZone, isoInZone, localDate, localTime, sameZone, withZone } from '../core/time.js';
import type { DueRow, OpenDealRow } from '../db/due.js';
import { paint, safe, table, type View } from './text.js';

/** A deal gone quiet, and why. */
export interface QuietDeal extends OpenDealRow {
  /** salesctl's own words: a count of days, or two of UNANSWERED_OUTCOMES (core/quiet.ts), nothing stored. */
  reason: string;
  /** When it last had contact (ms): a terminal shows the longest silent first when it has to cut the list. */
  lastContact: number;
}

/** How many gone-quiet deals a terminal lists; --json, --csv and a pipe always carry them all. */
const QUIET_ON_SCREEN = 20;

/** What `due` found. `until` is set when the user gave --until. */
export interface DueReport {
  now: Date;
  items: DueRow[];
  noNextStep: OpenDealRow[];
  goneQuiet: QuietDeal[];
  until?: Until;
}

/** The --json document: {items, no_next_step, gone_quiet}. */
export function dueJson(report: DueReport, zone: string) {
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
        closure: row.purpose === 'closure',
        agreed: row.agreed === 1,
        overdue: isOverdue(dueAt, report.now),
        commitment: row.commitment,
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
      row.purpose === 'closure', row.agreed === 1, row.prospect, row.company, row.title, row.channel, row.purpose,
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

function terminal(report: DueReport, view: View): string {
  const c = paint(view);
  const parts: string[] = [];
  if (report.items.length === 0) {
    const { until } = report;
    const label = until && (until.hadTime ? formatInZone(until.at, view.zone, 'ddd D MMM HH:mm') : formatInZone(until.at, view.zone, 'ddd D MMM'));
    parts.push(label ? `Nothing due until ${label}.\n` : 'Nothing due today.\n');
  } else {
    const today = localDate(report.now, view.zone);
    const rows = report.items.map((row) => {
      const dueAt = new Date(row.due_at);
      const overdue = isOverdue(dueAt, report.now);
      const closure = row.purpose === 'closure';
      const marker = `${overdue ? c.red('!') : ''}${closure ? '★' : ''}`;
      const when = localDate(dueAt, view.zone) === today ? localTime(dueAt, view.zone) : formatInZone(dueAt, view.zone, 'ddd D MMM HH:mm');
      const time = overdue ? `${when} (${overdueLabel(dueAt, report.now, view.zone)})` : when;
      const purpose = closure ? 'CLOSURE' : `${row.purpose}${row.agreed ? ' (agreed)' : ''}`;
      return [marker, time, theirTime(dueAt, row.tz, view.zone), row.prospect, row.company, row.channel, purpose, row.commitment ?? '—', money(row, formatMoney), row.followup_id];
    });
    parts.push(table(view, ['', 'Time', 'Their time', 'Prospect', 'Company', 'Channel', 'Purpose', 'Commitment', 'Value', 'Id'], rows));
  }
  if (report.noNextStep.length) {
    const rows = report.noNextStep.map((d) => [d.deal_id, d.prospect, d.company, d.title, `salesctl followup ${d.deal_id} --at ...`]);
    parts.push(`${c.bold('No next step')}: every step should end with a commitment for the next\n` + table(view, ['Deal', 'Prospect', 'Company', 'Title', 'Next step'], rows));
  }
  if (report.goneQuiet.length) {
    // A morning's worth: past QUIET_ON_SCREEN, the longest silent first and the rest counted.
    const all = report.goneQuiet;
    const shown = all.length <= QUIET_ON_SCREEN ? all : [...all].sort((a, b) => a.lastContact - b.lastContact || a.deal_id - b.deal_id).slice(0, QUIET_ON_SCREEN);
    const rows = shown.map((d) => [d.deal_id, d.prospect, d.company, d.title, d.reason, `salesctl followup ${d.deal_id} --purpose truth --at ...`]);
    const more = all.length - shown.length;
    const heading = more ? `${c.bold('Gone quiet')}: call back for the truth, not to close (the ${shown.length} silent longest of ${all.length})\n` : `${c.bold('Gone quiet')}: call back for the truth, not to close\n`;
    parts.push(heading + table(view, ['Deal', 'Prospect', 'Company', 'Title', 'Why', 'Suggestion'], rows) + (more ? `… and ${more} more: salesctl due --json lists them all\n` : ''));
  }
  return parts.join('\n');
}

function pipe(report: DueReport, view: View): string {
  const due = report.items.map((row) => {
    const dueAt = new Date(row.due_at);
    return [
      'due', row.followup_id, isoInZone(dueAt, view.zone), isOverdue(dueAt, report.now) ? 'overdue' : '', row.purpose === 'closure' ? 'closure' : '',
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

/** '09:00 EST': the prospect's wall clock when their zone is not ours ('' when it is), with the weekday when their date differs. */
export function theirTime(dueAt: Date, tz: string | null, zone: string): string {
  if (!tz || sameZone(tz, zone, dueAt)) return '';
  const pattern = localDate(dueAt, tz) === localDate(dueAt, zone) ? 'HH:mm' : 'ddd HH:mm';
  return `${formatInZone(dueAt, tz, pattern)} ${zoneLabel(tz, dueAt)}`;
}

// en-US's short names, the only ones ICU has for English; every other zone is shown by its city. Read from
// the Date object's long name with TZ set to the zone: Intl.DateTimeFormat costs ~15 ms on first use.
const SHORT_NAMES: Record<string, string> = {
  'Eastern Standard Time': 'EST', 'Eastern Daylight Time': 'EDT', 'Central Standard Time': 'CST', 'Central Daylight Time': 'CDT',
  'Mountain Standard Time': 'MST', 'Mountain Daylight Time': 'MDT', 'Pacific Standard Time': 'PST', 'Pacific Daylight Time': 'PDT',
  'Alaska Standard Time': 'AKST', 'Alaska Daylight Time': 'AKDT', 'Hawaii-Aleutian Standard Time': 'HST', 'Hawaii-Aleutian Daylight Time': 'HDT',
  'Atlantic Standard Time': 'AST', 'Atlantic Daylight Time': 'ADT', 'Greenwich Mean Time': 'GMT', 'Coordinated Universal Time': 'UTC',
};

/** 'EST' where the zone has a common abbreviation, else its city ('Jakarta'). */
export function zoneLabel(zone: string, at: Date): string {
  const long = withZone(zone, () => /\(([^)]+)\)$/.exec(at.toString())?.[1]);
  const short = long && SHORT_NAMES[long];
  if (short && zone === 'America/Adak') return short.replace('H', 'HA'); // ICU's en-US names for the Aleutians
  return short || zone.split('/').pop()!.replace(/_/g, ' ');
}

function money(row: DueRow, format: (minor: number, currency: string) => string): string {
  return row.value_minor !== null && row.currency ? format(row.value_minor, row.currency) : '';
}
