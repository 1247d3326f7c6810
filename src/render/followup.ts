// How a follow-up reads after it was scheduled, completed, moved or cancelled.
import { formatWhen } from './instant.js';
import { isClosure } from '../core/vocab.js';
import type { FollowupRow } from '../db/followups.js';
import { theirTime } from './theirTime.js';
import { paint, safe, type View } from './text.js';

/** The prospect a follow-up is with. */
export interface FollowupParty {
  name: string;
  company: string;
  tz: string | null;
}

/** 'follow-up #7 (closure, agreed): call Budi Santoso (PT Maju) on Mon 23 Nov 2026 10:00 · 22:00 EST their time'. */
function describeFollowup(f: FollowupRow, party: FollowupParty, view: View): string {
  const dueAt = new Date(f.due_at);
  const tags = [f.purpose === 'follow-up' ? '' : f.purpose, f.agreed && !isClosure(f.purpose) ? 'agreed' : ''].filter(Boolean);
  const who = `${safe(party.name)}${party.company ? ` (${safe(party.company)})` : ''}`;
  const when = formatWhen(dueAt, view.zone);
  const theirs = theirTime(dueAt, party.tz, view.zone);
  const outcome = f.outcome ? ` → ${f.outcome}` : '';
  return `follow-up #${f.id}${tags.length ? ` (${tags.join(', ')})` : ''}: ${f.channel} ${who} on ${when}${theirs ? ` · ${theirs} their time` : ''}${outcome}`;
}

/** One line: a coloured verb and the follow-up. */
export function followupLine(verb: string, f: FollowupRow, party: FollowupParty, view: View): string {
  return `${paint(view).green(verb)} ${describeFollowup(f, party, view)}\n`;
}
