import type { Database } from 'better-sqlite3';
import type { PostmortemOutcome, RootCause } from '../core/vocab.js';

/** A post-mortem as read back: its causes in the order given, its reviewers parsed. */
export interface PostmortemRow {
  id: number;
  deal_id: number;
  outcome: PostmortemOutcome;
  what_happened: string | null;
  assumption: string | null;
  causes: RootCause[];
  reviewers: string[];
  feedback: string | null;
  lesson: string | null;
  created_at: string;
}

/** A post-mortem with the name of the deal's prospect, for the report. */
export interface PostmortemWithDeal extends PostmortemRow {
  prospect_name: string;
  company: string;
  title: string;
}

export type NewPostmortem = Omit<PostmortemRow, 'id' | 'created_at'>;

interface StoredPostmortem extends Omit<PostmortemRow, 'causes' | 'reviewers'> {
  reviewers: string;
}

/** Inserts a post-mortem and its causes; call inside the write's transaction. */
export function insertPostmortem(db: Database, pm: NewPostmortem, at: Date): PostmortemRow {
  const info = db
    .prepare(
      `INSERT INTO postmortems (deal_id, outcome, what_happened, assumption, reviewers, feedback, lesson, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(pm.deal_id, pm.outcome, pm.what_happened, pm.assumption, JSON.stringify(pm.reviewers), pm.feedback, pm.lesson, at.toISOString());
  const id = Number(info.lastInsertRowid);
  const addCause = db.prepare('INSERT INTO postmortem_causes (postmortem_id, cause) VALUES (?, ?)');
  for (const cause of pm.causes) addCause.run(id, cause);
  return getPostmortem(db, id)!;
}

function getPostmortem(db: Database, id: number): PostmortemRow | undefined {
  const row = db.prepare('SELECT * FROM postmortems WHERE id = ?').get(id) as StoredPostmortem | undefined;
  return row ? withCauses(db, [row])[0] : undefined;
}

/** The deal's post-mortems, oldest first. */
export function postmortemsOfDeal(db: Database, dealId: number): PostmortemRow[] {
  const rows = db.prepare('SELECT * FROM postmortems WHERE deal_id = ? ORDER BY created_at, id').all(dealId) as StoredPostmortem[];
  return withCauses(db, rows);
}

/** Every post-mortem with its deal's names, oldest first. */
export function allPostmortems(db: Database): PostmortemWithDeal[] {
  const rows = db
    .prepare(
      `SELECT pm.*, p.name AS prospect_name, p.company AS company, d.title AS title
       FROM postmortems pm JOIN deals d ON d.id = pm.deal_id JOIN prospects p ON p.id = d.prospect_id
       ORDER BY pm.created_at, pm.id`,
    )
    .all() as Array<StoredPostmortem & { prospect_name: string; company: string; title: string }>;
  return withCauses(db, rows);
}

function withCauses<T extends StoredPostmortem>(db: Database, rows: T[]): Array<Omit<T, 'reviewers'> & { causes: RootCause[]; reviewers: string[] }> {
  const causesOf = db.prepare('SELECT cause FROM postmortem_causes WHERE postmortem_id = ? ORDER BY rowid');
  return rows.map((row) => ({
    ...row,
    causes: (causesOf.all(row.id) as Array<{ cause: RootCause }>).map((c) => c.cause),
    reviewers: parseReviewers(row.reviewers),
  }));
}

function parseReviewers(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
