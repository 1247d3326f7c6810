import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate, refuseNewer, schemaVersion } from '../../src/db/migrate.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../src/db/migrations/index.js';
import { Database } from '../reliability/support.js';

const schemaOf = (db: InstanceType<typeof Database>) =>
  JSON.stringify(db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all());

const first: Migration = { version: 1, name: 'notes', up: (db) => db.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('a')") };
const second: Migration = { version: 2, name: 'more', up: (db) => db.exec('CREATE TABLE more (x INTEGER)') };
const broken: Migration = {
  version: 3,
  name: 'broken',
  up(db) {
    db.exec("CREATE TABLE half (x INTEGER); INSERT INTO notes VALUES ('half'); DROP TABLE more");
    db.exec('THIS IS NOT SQL');
  },
};

describe('migrate', () => {
  it('applies each pending migration once, setting user_version', () => {
    const db = new Database(':memory:');
    expect(migrate(db, [first, second])).toBe(2);
    expect(schemaVersion(db)).toBe(2);
    expect(migrate(db, [first, second])).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM notes').get()).toEqual({ n: 1 });
  });

  it('rolls back a migration that fails half-way: schema, data and version as they were', () => {
    const db = new Database(':memory:');
    migrate(db, [first, second]);
    const schema = schemaOf(db);
    const rows = JSON.stringify(db.prepare('SELECT * FROM notes').all());
    expect(() => migrate(db, [first, second, broken])).toThrow(/syntax error/);
    expect(schemaVersion(db)).toBe(2);
    expect(schemaOf(db)).toBe(schema);
    expect(JSON.stringify(db.prepare('SELECT * FROM notes').all())).toBe(rows);
    expect(db.inTransaction).toBe(false);
  });

  it('the shipped migrations are numbered 1, 2, 3… in order, one per file, and reach LATEST_VERSION', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    // every NNNN-name.ts file in the folder is listed, in order, under its own number and name
    const files = readdirSync(new URL('../../src/db/migrations/', import.meta.url)).filter((f) => /^\d{4}-.*\.ts$/.test(f)).sort();
    expect(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`)).toEqual(files);
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuseNewer refuses with exit 4 only above the latest version', () => {
    const db = new Database(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION}`);
    expect(() => refuseNewer(db, 'x.db')).not.toThrow();
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => refuseNewer(db, 'x.db')).toThrow(expect.objectContaining({ exitCode: 4 }));
  });
});
