import type { Database } from 'better-sqlite3';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-due-indexes.js';
import * as m0003 from './0003-deal-contact.js';
import * as m0004 from './0004-open-deals.js';
import * as m0005 from './0005-deal-life.js';
import * as m0006 from './0006-open-deal-steps.js';

/** One migration: its version (the `user_version` it leaves), a name, and the change. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/** Every migration, in order. Append new files here; never edit one that has shipped. */
export const MIGRATIONS: Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006];

/** The schema version this program writes. */
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
