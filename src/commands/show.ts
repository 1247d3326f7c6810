// `salesctl show <deal>`: the deal, its prospect and reliability, commitments, follow-ups, post-mortems and timeline.
import type { Context } from '../context.js';
import { reliability, type Reliability } from '../core/reliability.js';
import { commitmentStatusesOfProspect, commitmentsOfDeal } from '../db/commitments.js';
import { followupsOfDeal } from '../db/dealViews.js';
import { resolveDeal } from '../db/which.js';
import { eventsOfDeal } from '../db/events.js';
import { journalOfDeal, journalTags } from '../db/journal.js';
import { postmortemsOfDeal } from '../db/postmortems.js';
import { getProspect } from '../db/prospects.js';
import { dealSheetText, type TimelineEntry } from '../render/dealSheet.js';
import { postmortemJson } from '../render/postmortem.js';
import {
  commitmentJson, dealJson, followupJson, prospectJson, type CommitmentJson, type DealJson, type FollowupJson, type PostmortemJson, type ProspectJson,
} from '../render/records.js';
import { instant } from '../render/instant.js';
import type { Result } from '../render/result.js';

/** A line of the deal's timeline in `show --json`: an event, or a journal line with its tags. */
export interface TimelineEntryJson {
  at: string | null;
  kind: string;
  summary: string;
  tags?: string[];
}

/** `show --json`: the deal with its prospect (and their reliability), commitments, follow-ups, post-mortems and timeline. */
export type ShowJson = DealJson & {
  cadence: string | null;
  prospect: ProspectJson & { reliability: Reliability };
  commitments: CommitmentJson[];
  followups: FollowupJson[];
  postmortems: PostmortemJson[];
  timeline: TimelineEntryJson[];
};

export async function run(ctx: Context, [ref]: string[]): Promise<Result> {
  const db = ctx.db();
  const deal = resolveDeal(db, ref ?? '');
  const prospect = getProspect(db, deal.prospect_id)!;
  const sheet = {
    deal,
    prospect,
    reliability: reliability(commitmentStatusesOfProspect(db, prospect.id)),
    commitments: commitmentsOfDeal(db, deal.id),
    followups: followupsOfDeal(db, deal.id),
    postmortems: postmortemsOfDeal(db, deal.id),
    timeline: timeline(db, deal.id),
  };
  const zone = ctx.zone;
  return {
    json: {
      ...dealJson(deal, zone),
      cadence: deal.cadence ?? null,
      prospect: { ...prospectJson(prospect, zone), reliability: sheet.reliability },
      commitments: sheet.commitments.map((c) => commitmentJson(c, zone)),
      followups: sheet.followups.map((f) => followupJson(f, zone)),
      postmortems: sheet.postmortems.map((pm) => postmortemJson(pm, zone)),
      timeline: sheet.timeline.map((t): TimelineEntryJson => ({ at: instant(t.at, zone), kind: t.kind, summary: t.summary, ...(t.tags ? { tags: t.tags } : {}) })),
    } satisfies ShowJson,
    text: (view) => dealSheetText(sheet, view),
  };
}

/** Events and journal lines merged, oldest first (an event before a journal line of the same instant). */
function timeline(db: ReturnType<Context['db']>, dealId: number): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...eventsOfDeal(db, dealId).map((e) => ({ at: e.at, kind: e.kind, summary: e.summary })),
    ...journalOfDeal(db, dealId).map((j) => ({ at: j.at, kind: 'journal', summary: j.text, tags: journalTags(j) })),
  ];
  // Array.prototype.sort is stable: same-instant entries keep events first, each in id order.
  return entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
