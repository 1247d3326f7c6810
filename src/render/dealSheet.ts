// `show`: one deal as a readable sheet.
import { describeReliability, type Reliability } from '../core/reliability.js';
import { describeEvery } from '../core/cadence.js';
import { storedBestTimeText } from '../core/bestTime.js';
import { isClosure } from '../core/vocab.js';
import type { CommitmentRow } from '../db/commitments.js';
import type { PostmortemRow } from '../db/postmortems.js';
import type { DealRow } from '../db/deals.js';
import type { FollowupRow } from '../db/followups.js';
import type { ProspectRow } from '../db/prospects.js';
import { dealLabel, dealValue } from './deals.js';
import { when } from './instant.js';
import { wrap } from './layout.js';
import { paint, safe, table, type Column, type View } from './text.js';

/** One line of a deal's timeline: an event or a journal line. */
export interface TimelineEntry {
  at: string;
  kind: string;
  summary: string;
  tags?: string[];
}

export interface DealSheet {
  deal: DealRow;
  prospect: ProspectRow;
  reliability: Reliability;
  commitments: CommitmentRow[];
  followups: FollowupRow[];
  postmortems: PostmortemRow[];
  timeline: TimelineEntry[];
}

/** The whole sheet: header, prospect block, reliability, then one section per record. */
export function dealSheetText(sheet: DealSheet, view: View): string {
  const c = paint(view);
  const { deal } = sheet;
  const value = deal.value_minor !== null ? dealValue(deal, { isTTY: true }) : '';
  const rhythm = deal.cadence ? `keeps in touch ${describeEvery(deal.cadence)}` : '';
  const head = [c.bold(dealLabel(deal)), deal.status, value, deal.stage ? `stage ${safe(deal.stage)}` : '', rhythm].filter(Boolean).join(' · ');
  const closed = deal.closed_at ? `${prose(`  closed ${when(deal.closed_at, view)}${deal.lost_reason ? ` · reason: ${safe(deal.lost_reason)}` : ''}`, view, 4)}\n` : '';
  const out = [`${prose(head, view, 2)}\n${closed}`, prospectBlock(sheet, view)];
  out.push(section(view, 'Commitments', ['Id', 'Kind', 'Status', { header: 'What', cut: 1 }, { header: 'From', cut: 2 }, 'Promised', { header: 'Payment', drop: 1 }], sheet.commitments.map((k) => [
    k.id, k.kind, k.status, safe(k.what), safe(k.given_by), when(k.promised_at, view), k.payment,
  ])));
  out.push(section(view, 'Follow-ups', ['Id', 'Due', 'Channel', 'Purpose', { header: 'Agreed', drop: 1 }, 'Status', { header: 'Outcome', drop: 2 }, { header: 'Notes', cut: 1 }], sheet.followups.map((f) => [
    f.id, when(f.due_at, view), f.channel, isClosure(f.purpose) ? c.bold('closure') : f.purpose, f.agreed ? 'yes' : 'no', f.status, safe(f.outcome), safe(f.notes),
  ])));
  out.push(postmortemSection(sheet.postmortems, view));
  out.push(section(view, 'Timeline', ['When', 'Kind', { header: 'What', cut: 1 }], sheet.timeline.map((t) => [
    when(t.at, view), safe(t.kind), safe(`${forPeople(t.summary, view)}${t.tags?.length ? ` [${t.tags.join(', ')}]` : ''}`),
  ])));
  return out.join('\n').replace(/\n+$/, '\n');
}

const ISO_INSTANT = /\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)/g;

/** A stored event summary for people: on a terminal its ISO instants read as the tables show times. */
function forPeople(summary: string, view: View): string {
  return view.isTTY ? summary.replace(ISO_INSTANT, (iso) => (Number.isNaN(Date.parse(iso)) ? iso : when(iso, view))) : summary;
}

function prospectBlock(sheet: DealSheet, view: View): string {
  const p = sheet.prospect;
  const who = [safe(p.name), p.company ? safe(p.company) : '', p.role ? safe(p.role) : '',
    p.decision_maker === null ? '' : p.decision_maker ? 'decides' : 'does not decide'].filter(Boolean).join(' · ');
  const best = storedBestTimeText(p);
  const reach = [p.tz ? `zone ${safe(p.tz)}` : '', best ? `best ${best}` : '',
    p.channel ? `prefers ${safe(p.channel)}` : '', p.email ? safe(p.email) : '', p.phone ? safe(p.phone) : ''].filter(Boolean).join(' · ');
  const lines = [`Prospect: ${who}`];
  if (reach) lines.push(`  ${reach}`);
  if (p.segment) lines.push(`  segment ${safe(p.segment)}`);
  if (p.notes) lines.push(`  note: ${safe(p.notes)}`);
  const r = sheet.reliability;
  const c = paint(view);
  lines.push(`  reliability: ${r.broken > r.kept ? c.red(describeReliability(r)) : describeReliability(r)}`);
  return lines.map((line) => prose(line, view, 4)).join('\n') + '\n';
}

/** A line of the sheet on a terminal, wrapped to its width (continuation lines indented); a pipe keeps it whole. */
function prose(line: string, view: View, indent: number): string {
  return view.isTTY ? wrap(line, view.width ?? 80, indent) : line;
}

function section(view: View, title: string, headers: Array<string | Column>, rows: Array<Array<string | number | null | undefined>>): string {
  const c = paint(view);
  return `${c.bold(title)}\n${rows.length ? table(view, headers, rows) : '  none\n'}`;
}

function postmortemSection(postmortems: PostmortemRow[], view: View): string {
  const c = paint(view);
  if (!postmortems.length) return `${c.bold('Post-mortems')}\n  none\n`;
  const blocks = postmortems.map((pm) => {
    const reviewers = pm.reviewers;
    const lines = [prose(`  #${pm.id} ${pm.outcome} · ${when(pm.created_at, view)}${pm.causes.length ? ` · causes: ${pm.causes.join(', ')}` : ''}${reviewers.length ? ` · reviewed with ${reviewers.map(safe).join(', ')}` : ''}`, view, 4)];
    const field = (label: string, text: string | null) => text && lines.push(prose(`    ${label}: ${safe(text)}`, view, 6));
    field('what happened', pm.what_happened);
    field('failed assumption', pm.assumption);
    field('their feedback', pm.feedback);
    field('lesson', pm.lesson);
    return lines.join('\n') + '\n';
  });
  return `${c.bold('Post-mortems')}\n${blocks.join('')}`;
}

