import type { Database } from 'better-sqlite3';
import { ExitError, FailureError, RefusedError } from '../errors.js';
import { translateSqliteError } from './sqliteErrors.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index.js';

/** The schema version stored in the file. */
export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuses a database written by a newer salesctl, before anything touches it. */
export function refuseNewer(db: Database, where: string, latest = LATEST_VERSION): void {
  const found = schemaVersion(db);
  if (found > latest) {
    throw new RefusedError(
      `${where} has schema version ${found}, newer than this salesctl understands (${latest}): upgrade salesctl; the file was not changed`,
    );
  }
}

/**
 * Brings the schema up to date: each migration in its own BEGIN IMMEDIATE transaction that also sets
 * user_version, re-checking the version inside the lock so that several first runs at once migrate once.
 */
export function migrate(db: Database, migrations: Migration[] = MIGRATIONS): number {
  let applied = 0;
  for (const migration of migrations) {
    if (schemaVersion(db) >= migration.version) continue;
    db.transaction(() => {
      if (schemaVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${Number(migration.version)}`);
      applied++;
    }).immediate();
  }
  return applied;
}

/** Migrates, and says in one line which migration failed and that the file was left at its version. */
export function migrateOrExplain(db: Database, path: string, migrations: Migration[]): void {
  try {
    migrate(db, migrations);
  } catch (error) {
    const translated = translateSqliteError(error, path);
    if (translated instanceof ExitError) throw translated;
    const now = schemaVersion(db);
    const next = migrations.find((m) => m.version > now);
    throw new FailureError(
      `could not update ${path} to schema version ${next?.version ?? '?'} (${next?.name ?? 'unknown'}): ${(error as Error).message}; ` +
        `it was left unchanged at version ${now}`,
    );
  }
}
