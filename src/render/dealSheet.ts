// `show`: one deal as a readable sheet.
import { describeReliability, type Reliability } from '../core/reliability.js';
import type { CommitmentRow } from '../db/commitments.js';
import type { PostmortemRow } from '../db/postmortems.js';
import type { DealRow } from '../db/deals.js';
import type { FollowupRow } from '../db/followups.js';
import type { ProspectRow } from '../db/prospects.js';
import { dealLabel, dealValue, when } from './deals.js';
import { paint, safe, table, type View } from './text.js';

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
  const head = [c.bold(dealLabel(deal)), deal.status, value, deal.stage ? `stage ${safe(deal.stage)}` : ''].filter(Boolean).join(' · ');
  const closed = deal.closed_at ? `  closed ${when(deal.closed_at, view)}${deal.lost_reason ? ` · reason: ${safe(deal.lost_reason)}` : ''}\n` : '';
  const out = [`${head}\n${closed}`, prospectBlock(sheet, view)];
  out.push(section(view, 'Commitments', ['ID', 'KIND', 'STATUS', 'WHAT', 'FROM', 'PROMISED', 'PAYMENT'], sheet.commitments.map((k) => [
    k.id, k.kind, k.status, safe(k.what), safe(k.given_by), when(k.promised_at, view), k.payment,
  ])));
  out.push(section(view, 'Follow-ups', ['ID', 'DUE', 'CHANNEL', 'PURPOSE', 'AGREED', 'STATUS', 'OUTCOME', 'NOTES'], sheet.followups.map((f) => [
    f.id, when(f.due_at, view), f.channel, f.purpose === 'closure' ? c.bold('closure') : f.purpose, f.agreed ? 'yes' : 'no', f.status, safe(f.outcome), safe(f.notes),
  ])));
  out.push(postmortemSection(sheet.postmortems, view));
  out.push(section(view, 'Timeline', ['WHEN', 'KIND', 'WHAT'], sheet.timeline.map((t) => [
    when(t.at, view), safe(t.kind), safe(`${t.summary}${t.tags?.length ? ` [${t.tags.join(', ')}]` : ''}`),
  ])));
  return out.join('\n').replace(/\n+$/, '\n');
}

function prospectBlock(sheet: DealSheet, view: View): string {
  const p = sheet.prospect;
  const who = [safe(p.name), p.company ? safe(p.company) : '', p.role ? safe(p.role) : '',
    p.decision_maker === null ? '' : p.decision_maker ? 'decides' : 'does not decide'].filter(Boolean).join(' · ');
  const reach = [p.tz ? `zone ${safe(p.tz)}` : '', p.best_time_start && p.best_time_end ? `best ${p.best_time_start}-${p.best_time_end}` : '',
    p.channel ? `prefers ${safe(p.channel)}` : '', p.email ? safe(p.email) : '', p.phone ? safe(p.phone) : ''].filter(Boolean).join(' · ');
  const lines = [`Prospect: ${who}`];
  if (reach) lines.push(`  ${reach}`);
  if (p.segment) lines.push(`  segment ${safe(p.segment)}`);
  if (p.notes) lines.push(`  note: ${safe(p.notes)}`);
  const r = sheet.reliability;
  const c = paint(view);
  lines.push(`  reliability: ${r.broken > r.kept ? c.red(describeReliability(r)) : describeReliability(r)}`);
  return lines.join('\n') + '\n';
}

function section(view: View, title: string, headers: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const c = paint(view);
  return `${c.bold(title)}\n${rows.length ? table(view, headers, rows) : '  none\n'}`;
}

function postmortemSection(postmortems: PostmortemRow[], view: View): string {
  const c = paint(view);
  if (!postmortems.length) return `${c.bold('Post-mortems')}\n  none\n`;
  const blocks = postmortems.map((pm) => {
    const reviewers = pm.reviewers;
    const lines = [`  #${pm.id} ${pm.outcome} · ${when(pm.created_at, view)}${pm.causes.length ? ` · causes: ${pm.causes.join(', ')}` : ''}${reviewers.length ? ` · reviewed with ${reviewers.map(safe).join(', ')}` : ''}`];
    const field = (label: string, text: string | null) => text && lines.push(`    ${label}: ${safe(text)}`);
    field('what happened', pm.what_happened);
    field('failed assumption', pm.assumption);
    field('their feedback', pm.feedback);
    field('lesson', pm.lesson);
    return lines.join('\n') + '\n';
  });
  return `${c.bold('Post-mortems')}\n${blocks.join('')}`;
}

