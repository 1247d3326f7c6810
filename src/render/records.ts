// JSON shapes of the records, shared by every command: snake_case, instants in ISO 8601 with offset.
import { instant } from './instant.js';
import { toMajor } from '../core/money.js';
import { storedBestTimeText } from '../core/bestTime.js';
import { isClosure } from '../core/vocab.js';
import type { DealRow } from '../db/deals.js';
import type { ProspectRow } from '../db/prospects.js';
import type { FollowupRow } from '../db/followups.js';
import type { CommitmentRow } from '../db/commitments.js';

/** A prospect as JSON. */
export function prospectJson(p: ProspectRow, zone: string) {
  return {
    id: p.id,
    name: p.name,
    company: p.company || null,
    role: p.role,
    email: p.email,
    phone: p.phone,
    decision_maker: p.decision_maker === null ? null : p.decision_maker === 1,
    segment: p.segment,
    tz: p.tz,
    best_time: storedBestTimeText(p),
    channel: p.channel,
    notes: p.notes,
    created_at: instant(p.created_at, zone),
  };
}

/** A deal's value in major units for JSON (1500.5), or null when it has none. */
export function majorValue(d: { value_minor: number | null; currency: string | null }): number | null {
  return d.value_minor !== null && d.currency ? toMajor(d.value_minor, d.currency) : null;
}

/** A deal as JSON; `value` is in major units (1500.5), `value_minor` the exact integer. */
export function dealJson(d: DealRow, zone: string) {
  return {
    id: d.id,
    title: d.title,
    prospect_id: d.prospect_id,
    prospect_name: d.prospect_name,
    company: d.company || null,
    value: majorValue(d),
    value_minor: d.value_minor,
    currency: d.currency,
    status: d.status,
    stage: d.stage,
    created_at: instant(d.created_at, zone),
    closed_at: instant(d.closed_at, zone),
    lost_reason: d.lost_reason,
  };
}

/** A follow-up as JSON; `closure` is true for a closure call (core/vocab.ts isClosure). */
export function followupJson(f: FollowupRow, zone: string) {
  return {
    id: f.id,
    deal_id: f.deal_id,
    due_at: instant(f.due_at, zone),
    channel: f.channel,
    purpose: f.purpose,
    closure: isClosure(f.purpose),
    agreed: f.agreed === 1,
    status: f.status,
    outcome: f.outcome,
    notes: f.notes,
    created_at: instant(f.created_at, zone),
    completed_at: instant(f.completed_at, zone),
  };
}

/** A commitment as JSON. */
export function commitmentJson(c: CommitmentRow, zone: string) {
  return {
    id: c.id,
    deal_id: c.deal_id,
    kind: c.kind,
    what: c.what,
    given_by: c.given_by,
    promised_at: instant(c.promised_at, zone),
    payment: c.payment,
    status: c.status,
    created_at: instant(c.created_at, zone),
    resolved_at: instant(c.resolved_at, zone),
  };
}
