import type { Database } from 'better-sqlite3';

export const version = 1;
export const name = 'initial';

/** The first schema: prospects, deals, commitments, follow-ups, post-mortems, journal and timeline events. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE prospects (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      company TEXT NOT NULL DEFAULT '',
      role TEXT,
      email TEXT,
      phone TEXT,
      decision_maker INTEGER CHECK (decision_maker IN (0, 1)),
      segment TEXT,
      tz TEXT,
      best_time_start TEXT,
      best_time_end TEXT,
      channel TEXT,
      notes TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX prospects_name_company ON prospects (name COLLATE NOCASE, company COLLATE NOCASE);

    CREATE TABLE deals (
      id INTEGER PRIMARY KEY,
      prospect_id INTEGER NOT NULL REFERENCES prospects (id),
      title TEXT NOT NULL,
      value_minor INTEGER,
      currency TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'won', 'lost', 'not-now')),
      stage TEXT,
      created_at TEXT NOT NULL,
      closed_at TEXT,
      lost_reason TEXT
    );
    CREATE INDEX deals_prospect ON deals (prospect_id);
    CREATE INDEX deals_status ON deals (status);

    CREATE TABLE commitments (
      id INTEGER PRIMARY KEY,
      deal_id INTEGER NOT NULL REFERENCES deals (id),
      kind TEXT NOT NULL CHECK (kind IN ('delegate', 'low', 'firm')),
      what TEXT,
      given_by TEXT,
      promised_at TEXT,
      payment TEXT CHECK (payment IN ('dp', 'full')),
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'kept', 'broken', 'superseded')),
      created_at TEXT NOT NULL,
      resolved_at TEXT
    );
    CREATE INDEX commitments_deal ON commitments (deal_id, created_at);

    CREATE TABLE followups (
      id INTEGER PRIMARY KEY,
      deal_id INTEGER NOT NULL REFERENCES deals (id),
      due_at TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('call', 'email', 'sms', 'chat', 'meeting', 'visit')),
      purpose TEXT NOT NULL CHECK (purpose IN ('follow-up', 'closure', 'truth', 'feedback', 'nurture')),
      agreed INTEGER NOT NULL DEFAULT 0 CHECK (agreed IN (0, 1)),
      status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'missed', 'cancelled')),
      outcome TEXT,
      notes TEXT,
      created_at TEXT NOT NULL,
      completed_at TEXT
    );
    CREATE INDEX followups_status_due ON followups (status, due_at);
    CREATE INDEX followups_deal ON followups (deal_id, status);

    CREATE TABLE postmortems (
      id INTEGER PRIMARY KEY,
      deal_id INTEGER NOT NULL REFERENCES deals (id),
      outcome TEXT NOT NULL CHECK (outcome IN ('lost', 'won', 'stalled')),
      what_happened TEXT,
      assumption TEXT,
      reviewers TEXT NOT NULL DEFAULT '[]',
      feedback TEXT,
      lesson TEXT,
      created_at TEXT NOT NULL
    );
    CREATE INDEX postmortems_deal ON postmortems (deal_id);

    CREATE TABLE postmortem_causes (
      postmortem_id INTEGER NOT NULL REFERENCES postmortems (id) ON DELETE CASCADE,
      cause TEXT NOT NULL CHECK (cause IN ('segment', 'approach', 'product-knowledge', 'no-commitment',
        'no-decision-maker', 'timing', 'price', 'competitor', 'pressure', 'no-follow-up', 'other')),
      PRIMARY KEY (postmortem_id, cause)
    );

    CREATE TABLE journal (
      id INTEGER PRIMARY KEY,
      deal_id INTEGER NOT NULL REFERENCES deals (id),
      at TEXT NOT NULL,
      text TEXT NOT NULL,
      tags TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX journal_deal ON journal (deal_id, at);

    CREATE TABLE events (
      id INTEGER PRIMARY KEY,
      deal_id INTEGER NOT NULL REFERENCES deals (id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL,
      summary TEXT NOT NULL
    );
    CREATE INDEX events_deal ON events (deal_id, at);
  `);
}
