// Writing an imported file: prospects (reused by name and company, as `add` does), deals, their timeline
// events and next follow-ups. Statements are prepared once: a 100,000-row file is one transaction.
import type { Database } from 'better-sqlite3';
import { formatMoney } from '../core/money.js';
import type { ImportRecord } from '../core/importRecords.js';

/** A prospect already in the database (or created earlier in the same file). */
export interface KnownProspect {
  id: number;
  tz: string | null;
  best_time_start: string | null;
  channel: string | null;
}

/** The key `add` matches prospects on: name and company, ASCII case-insensitively (SQLite's NOCASE). */
export function prospectKey(name: string, company: string): string {
  return `${fold(name)}\u0000${fold(company)}`;
}

function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.replace(/[A-Z]+/g, (c) => c.toLowerCase());
}
const ASCII = /^[\x00-\x7f]*$/;

/** Every prospect by name and company; the oldest wins, as in `findProspect`. */
export function loadProspects(db: Database): Map<string, KnownProspect> {
  const index = new Map<string, KnownProspect>();
  const rows = db.prepare('SELECT id, name, company, tz, best_time_start, channel FROM prospects ORDER BY id').iterate() as Iterable<
    KnownProspect & { name: string; company: string }
  >;
  for (const row of rows) {
    const key = prospectKey(row.name, row.company);
    if (!index.has(key)) index.set(key, { id: row.id, tz: row.tz, best_time_start: row.best_time_start, channel: row.channel });
  }
  return index;
}

/** An imported record with its follow-up instant resolved and its prospect's `prospectKey`. */
export interface PlannedRecord {
  record: ImportRecord;
  followupAt: Date | null;
  key: string;
}

export interface ImportCounts {
  rows: number;
  prospects_created: number;
  prospects_reused: number;
  deals_created: number;
  followups_created: number;
}

/** What the records would create, without writing (for --dry-run and the report). */
export function countImport(planned: PlannedRecord[], existing: Map<string, KnownProspect>): ImportCounts {
  const created = new Set<string>();
  const reused = new Set<string>();
  for (const { key } of planned) (existing.has(key) ? reused : created).add(key);
  return {
    rows: planned.length,
    prospects_created: created.size,
    prospects_reused: reused.size,
    deals_created: planned.length,
    followups_created: planned.filter((p) => p.followupAt).length,
  };
}

/**
 * Writes the records; call inside `write()`. `existing` is updated with the prospects created, so a
 * prospect on several rows is created once. Returns the first and last deal ids created.
 */
export function writeImport(
  db: Database,
  planned: PlannedRecord[],
  existing: Map<string, KnownProspect>,
  options: { now: Date; source: string; onProgress?: (done: number) => void },
): { firstDealId: number | null; lastDealId: number | null } {
  const at = options.now.toISOString();
  // A larger page cache for this connection: a big file's index pages stay in memory during the import.
  db.pragma('cache_size = -65536');
  const insertProspect = db.prepare(
    `INSERT INTO prospects (name, company, role, email, phone, segment, tz, channel, notes, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const fillProspect = db.prepare(
    `UPDATE prospects SET role = coalesce(?, role), email = coalesce(?, email), phone = coalesce(?, phone),
       segment = coalesce(?, segment), tz = coalesce(?, tz), channel = coalesce(?, channel), notes = coalesce(?, notes)
     WHERE id = ?`,
  );
  const insertDeal = db.prepare(
    `INSERT INTO deals (prospect_id, title, value_minor, currency, stage, status, created_at)
     VALUES (?, ?, ?, ?, ?, 'open', ?)`,
  );
  const insertFollowup = db.prepare(
    `INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, created_at)
     VALUES (?, ?, ?, 'follow-up', 0, 'scheduled', ?)`,
  );
  const insertEvent = db.prepare('INSERT INTO events (deal_id, at, kind, summary) VALUES (?, ?, ?, ?)');
  let firstDealId: number | null = null;
  let lastDealId: number | null = null;
  planned.forEach(({ record, followupAt, key }, index) => {
    const p = record.prospect;
    let prospect = existing.get(key);
    if (prospect) {
      fillProspect.run(p.role, p.email, p.phone, p.segment, p.tz, p.channel, p.notes, prospect.id);
    } else {
      const id = Number(insertProspect.run(p.name, p.company, p.role, p.email, p.phone, p.segment, p.tz, p.channel, p.notes, at).lastInsertRowid);
      prospect = { id, tz: p.tz, best_time_start: null, channel: p.channel };
      existing.set(key, prospect);
    }
    const d = record.deal;
    const dealId = Number(insertDeal.run(prospect.id, d.title, d.value_minor, d.currency, d.stage, at).lastInsertRowid);
    firstDealId ??= dealId;
    lastDealId = dealId;
    const value = d.value_minor !== null ? ` (${formatMoney(d.value_minor, d.currency!)})` : '';
    let summary = `deal created by import from ${options.source}${value}`;
    if (followupAt) {
      const channel = p.channel ?? prospect.channel ?? 'call';
      const followupId = Number(insertFollowup.run(dealId, followupAt.toISOString(), channel, at).lastInsertRowid);
      summary += `; follow-up #${followupId} scheduled by ${channel}`;
    }
    insertEvent.run(dealId, at, 'created', summary);
    if (options.onProgress && (index + 1) % 1000 === 0) options.onProgress(index + 1);
  });
  return { firstDealId, lastDealId };
}
