// Writing an imported file: prospects (reused by name and company, as `add` does), deals, their timeline
// events and next follow-ups. A 100,000-row file is one transaction; its rows go in table by table (all the
// prospects, then the deals, ...), each statement prepared once, so each table and index is written in
// one sweep. The ids are the ones row-by-row inserts would give: each table's in the order of the rows.
import type { Database } from 'better-sqlite3';
import { UsageError } from '../errors.js';
import { formatMoney } from '../core/money.js';
import { nameKey } from '../core/nameKey.js';
import { isAscii } from './nameKeySql.js';
import type { ImportRecord } from '../core/importRecords.js';
import { insertRows, nextId } from './importBatch.js';
import { OPEN_DEALS_VIEW } from './migrations/0006-open-deal-steps.js';

/** A prospect already in the database. */
export interface KnownProspect {
  id: number;
  tz: string | null;
  best_time_start: string | null;
  channel: string | null;
}

/** The key `add` matches prospects on: name and company, each by core/nameKey.ts's nameKey. */
export function prospectKey(name: string, company: string): string {
  return `${nameKey(name)}\u0000${nameKey(company)}`;
}

/**
 * The key of a record from SQLite's lower() of its names joined (`lower(name) || char(0) || lower(company)`,
 * made in SQL for speed): on ASCII, lower() is nameKey (core/nameKey.ts), so only a key beyond ASCII (a few
 * rows) calls nameKey, whose key of a lower() is the key of the original, and of texts joined the keys
 * joined. With `keys`, undefined unless they hold it. Held equal to prospectKey by test/db/nameKey.test.ts.
 */
export function keyOf(lowered: string, keys?: Set<string>): string | undefined {
  if (keys?.has(lowered)) return lowered;
  if (isAscii(lowered)) return keys ? undefined : lowered;
  const key = nameKey(lowered);
  return !keys || keys.has(key) ? key : undefined;
}


/**
 * The prospects of the given keys (every prospect without `keys`) by name and company; the oldest wins,
 * as in `findProspect`. The keys are made in SQL by lower() (see `keyOf`), and all the rows come as one
 * JSON text: much faster than a JS array per row, and only the prospects the file names become objects.
 */
export function loadProspects(db: Database, keys?: Set<string>): Map<string, KnownProspect> {
  const index = new Map<string, KnownProspect>();
  // A file of new prospects names none of them: the keys alone (one string each) tell, in a third of the time.
  if (keys && !namesAny(db, keys)) return index;
  const json = db
    .prepare('SELECT json_group_array(json_array(lower(name) || char(0) || lower(company), id, tz, best_time_start, channel)) FROM prospects')
    .pluck()
    .get() as string;
  const rows = JSON.parse(json) as Array<[string, number, string | null, string | null, string | null]>;
  for (const [lowered, id, tz, best_time_start, channel] of rows) {
    const key = keyOf(lowered, keys);
    if (key === undefined) continue;
    const known = index.get(key);
    if (!known || id < known.id) index.set(key, { id, tz, best_time_start, channel });
  }
  return index;
}

/** SQLite's count of commits by other connections (PRAGMA data_version): read before loadProspects. */
export function dataVersion(db: Database): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/**
 * Inside the import's write: refuses it when the prospects the file names changed since `loadProspects`
 * read them (`version` read just before), say another salesctl added one of them: the import would create
 * a second prospect of that name. Only when another connection committed at all are they read again.
 */
export function refuseProspectsChangedMeanwhile(db: Database, keys: Set<string>, read: Map<string, KnownProspect>, version: number, file: string): void {
  if (dataVersion(db) === version) return;
  const now = loadProspects(db, keys);
  const same = now.size === read.size && [...now].every(([key, p]) => JSON.stringify(p) === JSON.stringify(read.get(key)));
  if (!same) throw new UsageError(`the prospects of ${file} were changed by another salesctl meanwhile: nothing was imported; run the import again`);
}

function namesAny(db: Database, keys: Set<string>): boolean {
  if (!keys.size) return false;
  const json = db.prepare('SELECT json_group_array(lower(name) || char(0) || lower(company)) FROM prospects').pluck().get() as string;
  return (JSON.parse(json) as string[]).some((lowered) => keyOf(lowered, keys) !== undefined);
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
  let followups = 0;
  for (const { key, followupAt } of planned) {
    (existing.has(key) ? reused : created).add(key);
    if (followupAt) followups++;
  }
  return {
    rows: planned.length,
    prospects_created: created.size,
    prospects_reused: reused.size,
    deals_created: planned.length,
    followups_created: followups,
  };
}

/** The prospect fields a row fills in, in the order of the INSERT and UPDATE below. */
type Fill = [role: string | null, email: string | null, phone: string | null, segment: string | null, tz: string | null, channel: string | null, notes: string | null];

/** A later row fills in what it gives: its non-empty fields win, the others keep the earlier value. */
function fillIn(into: Fill, from: Fill): void {
  for (let i = 0; i < into.length; i++) if (from[i] !== null) into[i] = from[i]!;
}

function fillOf(p: ImportRecord['prospect']): Fill {
  return [p.role, p.email, p.phone, p.segment, p.tz, p.channel, p.notes];
}

/**
 * Writes the records; call inside `inTransaction()`. A prospect on several rows is created once, by its first
 * row, and filled in by the later ones (as one row at a time with `UPDATE ... coalesce` would); an
 * existing prospect is filled in the same way. Returns the first and last deal ids created.
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

  // Which prospect each row belongs to; new ones are created by their first row, in row order.
  const created = new Map<string, { name: string; company: string; fill: Fill; channel: string | null; id: number }>();
  const filled = new Map<number, Fill>();
  const prospectOf = new Array<{ id: number; channel: string | null } | undefined>(planned.length);
  const newProspects: Array<{ name: string; company: string; fill: Fill; channel: string | null; id: number }> = [];
  for (let i = 0; i < planned.length; i++) {
    const { record, key } = planned[i]!;
    const fill = fillOf(record.prospect);
    const known = existing.get(key);
    if (known) {
      const into = filled.get(known.id);
      if (into) fillIn(into, fill);
      else filled.set(known.id, fill);
      prospectOf[i] = known;
      continue;
    }
    const mine = created.get(key);
    if (mine) {
      fillIn(mine.fill, fill);
      prospectOf[i] = mine;
    } else {
      // `channel` stays the first row's: a later row's follow-up falls back to it, as before the fills.
      const prospect = { name: record.prospect.name, company: record.prospect.company, fill, channel: fill[5], id: 0 };
      created.set(key, prospect);
      newProspects.push(prospect);
      prospectOf[i] = prospect;
    }
  }

  const followupCount = planned.reduce((n, p) => (p.followupAt ? n + 1 : n), 0);
  const progress = progressOf(planned.length, filled.size + newProspects.length + 2 * planned.length + followupCount, options.onProgress);
  const fillProspect = db.prepare(
    `UPDATE prospects SET role = coalesce(?, role), email = coalesce(?, email), phone = coalesce(?, phone),
       segment = coalesce(?, segment), tz = coalesce(?, tz), channel = coalesce(?, channel), notes = coalesce(?, notes)
     WHERE id = ?`,
  );
  for (const [id, fill] of filled) {
    fillProspect.run(...fill, id);
    progress.step();
  }
  const firstProspectId = nextId(db, 'prospects');
  const prospectColumns = ['id', 'name', 'company', 'role', 'email', 'phone', 'segment', 'tz', 'channel', 'notes', 'created_at'];
  insertRows(db, 'prospects', prospectColumns, newProspects.length, (n, out) => {
    const prospect = newProspects[n]!;
    prospect.id = firstProspectId + n;
    const [role, email, phone, segment, tz, channel, notes] = prospect.fill;
    out.push(prospect.id, prospect.name, prospect.company, role, email, phone, segment, tz, channel, notes, at);
  }, progress.step);

  // Deals, follow-ups and events many rows per statement, with the ids SQLite would have given them.
  const firstDealId = nextId(db, 'deals');
  insertWithoutTrigger(db, 'open_deals_insert', () => {
    insertRows(db, 'deals', ['id', 'prospect_id', 'title', 'value_minor', 'currency', 'stage', 'status', 'created_at'], planned.length, (i, out) => {
      const d = planned[i]!.record.deal;
      out.push(firstDealId + i, prospectOf[i]!.id, d.title, d.value_minor, d.currency, d.stage, 'open', at);
    }, progress.step);
    // What the trigger would have written for each, in one statement.
    db.prepare(`INSERT INTO open_deals ${OPEN_DEALS_VIEW} AND d.id BETWEEN ? AND ?`).run(firstDealId, firstDealId + planned.length - 1);
  });

  const scheduled: number[] = [];
  for (let i = 0; i < planned.length; i++) if (planned[i]!.followupAt) scheduled.push(i);
  const firstFollowupId = nextId(db, 'followups');
  const followups = new Array<string | undefined>(planned.length);
  insertRows(db, 'followups', ['id', 'deal_id', 'due_at', 'channel', 'purpose', 'agreed', 'status', 'created_at'], scheduled.length, (n, out) => {
    const i = scheduled[n]!;
    const { record, followupAt } = planned[i]!;
    const channel = record.prospect.channel ?? prospectOf[i]!.channel ?? 'call';
    out.push(firstFollowupId + n, firstDealId + i, followupAt!.toISOString(), channel, 'follow-up', 0, 'scheduled', at);
    followups[i] = `; follow-up #${firstFollowupId + n} scheduled by ${channel}`;
  }, progress.step);

  const prefix = `deal created by import from ${options.source}`;
  insertRows(db, 'events', ['deal_id', 'at', 'kind', 'summary'], planned.length, (i, out) => {
    const d = planned[i]!.record.deal;
    const value = d.value_minor !== null ? ` (${formatMoney(d.value_minor, d.currency!)})` : '';
    out.push(firstDealId + i, at, 'created', `${prefix}${value}${followups[i] ?? ''}`);
  }, progress.step);
  const lastDealId = firstDealId + planned.length - 1;
  return planned.length ? { firstDealId, lastDealId } : { firstDealId: null, lastDealId: null };
}

/**
 * Runs `insert` with the trigger `name` set aside, inside the caller's transaction (so no other connection
 * ever sees the schema without it), and puts it back as it was: migration 4's open_deals_insert runs a
 * program per deal, about 0.3 s per 100,000 imported deals, where one INSERT ... SELECT does the same work.
 */
function insertWithoutTrigger(db: Database, name: string, insert: () => void): void {
  const sql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string | undefined;
  if (!sql) return insert();
  db.prepare(`DROP TRIGGER "${name.replace(/"/g, '""')}"`).run();
  insert();
  db.exec(sql);
}

/**
 * The progress bar counts rows, 1,000 at a time, as before the writes went table by table: each row's
 * share of the statements is counted as they run, so the bar still moves evenly from 0 to the last row.
 */
function progressOf(rows: number, statements: number, onProgress?: (done: number) => void): { step(): void } {
  if (!onProgress) return { step() {} };
  let done = 0;
  let shown = 0;
  return {
    step() {
      done++;
      const row = Math.floor((Math.min(done, statements) * rows) / statements);
      if (row >= shown + 1000) {
        shown = row - (row % 1000);
        onProgress(shown);
      }
    },
  };
}

/**
 * The rows whose prospect already has an open deal of the same title (by nameKey, lower() in SQL then
 * `keyOf`, as `add` finds its twin): row index → that deal, the oldest if several. Only the prospects the
 * file names are looked at.
 */
export function findOpenDeals(db: Database, planned: PlannedRecord[], existing: Map<string, KnownProspect>): Map<number, { id: number }> {
  const found = new Map<number, { id: number }>();
  if (!existing.size) return found;
  const ids = [...new Set([...existing.values()].map((p) => p.id))];
  const json = db
    .prepare(
      `SELECT json_group_array(json_array(prospect_id || char(0) || lower(title), id)) FROM deals
       WHERE status = 'open' AND prospect_id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .get(JSON.stringify(ids)) as string;
  const open = new Map<string, number>();
  for (const [lowered, id] of JSON.parse(json) as Array<[string, number]>) {
    const key = keyOf(lowered)!;
    const had = open.get(key);
    if (had === undefined || id < had) open.set(key, id);
  }
  if (!open.size) return found;
  planned.forEach(({ record, key }, i) => {
    const known = existing.get(key);
    if (!known) return;
    const id = open.get(`${known.id}\u0000${nameKey(record.deal.title)}`);
    if (id !== undefined) found.set(i, { id });
  });
  return found;
}

/**
 * `import --update`: the open deals that rows match take the row's value, currency and stage (where the row
 * gives them), the prospect what the row fills in, and the row's follow-up unless that deal already has one
 * scheduled at that instant. Call inside `inTransaction()`.
 */
export function updateDeals(
  db: Database,
  updates: Array<{ planned: PlannedRecord; deal: { id: number } }>,
  options: { now: Date; source: string },
): void {
  const at = options.now.toISOString();
  const deal = db.prepare(
    `UPDATE deals SET value_minor = coalesce(?, value_minor), currency = coalesce(?, currency), stage = coalesce(?, stage)
     WHERE id = ? AND status = 'open'`,
  );
  const prospect = db.prepare(
    `UPDATE prospects SET role = coalesce(?, role), email = coalesce(?, email), phone = coalesce(?, phone),
       segment = coalesce(?, segment), tz = coalesce(?, tz), channel = coalesce(?, channel), notes = coalesce(?, notes)
     WHERE id = (SELECT prospect_id FROM deals WHERE id = ?)`,
  );
  const scheduled = db.prepare("SELECT 1 FROM followups WHERE deal_id = ? AND due_at = ? AND status = 'scheduled'").pluck();
  const channelOf = db.prepare('SELECT channel FROM prospects WHERE id = (SELECT prospect_id FROM deals WHERE id = ?)').pluck();
  const followup = db.prepare(
    "INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, created_at) VALUES (?, ?, ?, 'follow-up', 0, 'scheduled', ?)",
  );
  const event = db.prepare("INSERT INTO events (deal_id, at, kind, summary) VALUES (?, ?, 'updated', ?)");
  for (const { planned, deal: { id } } of updates) {
    const { record, followupAt } = planned;
    const d = record.deal;
    if (deal.run(d.value_minor, d.value_minor !== null ? d.currency : null, d.stage, id).changes === 0) {
      throw new UsageError(`deal #${id} is no longer open: import again`);
    }
    prospect.run(...fillOf(record.prospect), id);
    let note = '';
    if (followupAt && !scheduled.get(id, followupAt.toISOString())) {
      const channel = record.prospect.channel ?? (channelOf.get(id) as string | null) ?? 'call';
      const f = followup.run(id, followupAt.toISOString(), channel, at);
      note = `; follow-up #${f.lastInsertRowid} scheduled by ${channel}`;
    }
    const value = d.value_minor !== null ? ` (${formatMoney(d.value_minor, d.currency!)})` : '';
    event.run(id, at, `deal updated by import from ${options.source}${value}${note}`);
  }
}
