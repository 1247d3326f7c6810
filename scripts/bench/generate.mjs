// Builds a synthetic salesctl database for the benchmark, reproducibly from a seed.
//
// The schema is the product's own: the file is created by running the built CLI once (`salesctl add`,
// which creates and migrates it), then that one row is removed and the rows below are written directly
// with better-sqlite3, in one transaction per 50,000 rows.
//
// What a database of N deals holds (fractions are of N; every draw comes from mulberry32(seed)):
// - N deals created over 3 years, ids in order of creation: half of those of the last 180 days still
//   open (about 8% of all: the pipeline), the rest and every older one closed (about 7% not-now, 33%
//   won, 52% lost); values in USD (70%), IDR (20%) or EUR (10%); one `created` event each.
// - About 0.8·N prospects (80% of deals bring a new one), each with one of 12 IANA zones; 70% have a
//   best-time window (e.g. 10:00-12:00).
// - 10·N follow-ups (10 per deal): the past ones spread from the deal's creation to its close (or NOW),
//   done (70%, a third of them unanswered), missed (20%) or cancelled (10%). For an open deal the tenth
//   is its next step: scheduled in working hours (08:00-18:00 local) on one of the 75 days from today
//   (97%: about 100 due a day at N = 100,000), overdue within the 14 days before NOW (2%), or none (1%:
//   the deal shows under "no next step"). A not-now deal has a nurture follow-up 30-365 days ahead.
//   10% of purposes are closure calls (always agreed).
// - 0-3 commitments per open or won deal, kinds mixed (delegate, low, firm; firm ones with a promised
//   date and payment form), the older ones kept, broken or superseded, the latest pending (kept if won).
// NOW is fixed (BENCH_NOW below) and the local zone is Asia/Jakarta, so `due` always has the same work.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BENCH_NOW = '2026-11-23T08:00:00+07:00';
export const BENCH_TZ = 'Asia/Jakarta';
const GENERATOR_VERSION = 5;
const BATCH = 50_000;

const ZONES = ['Asia/Jakarta', 'Asia/Singapore', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'Europe/London',
  'Europe/Berlin', 'America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Sao_Paulo', 'Africa/Nairobi'];
const WINDOWS = [['09:00', '11:00'], ['10:00', '12:00'], ['13:00', '15:00'], ['14:00', '17:00'], ['16:00', '18:00']];
const FIRST = ['Budi', 'Siti', 'Ana', 'Joko', 'Maria', 'Wei', 'Priya', 'Tom', 'Lena', 'Ahmed', 'Yuki', 'Carlos', 'Nadia', 'Omar', 'Sara'];
const LAST = ['Santoso', 'Wijaya', 'Tan', 'Kumar', 'Smith', 'Müller', 'Okafor', 'Silva', 'Sato', 'Haddad', 'Novak', 'Lee'];
const CORP = ['Maju', 'Sentosa', 'Nusantara', 'Pacific', 'Northwind', 'Globex', 'Initech', 'Umbrella', 'Acme', 'Sinar', 'Kencana'];
const CHANNELS = ['call', 'call', 'call', 'email', 'email', 'sms', 'chat', 'meeting', 'visit'];
const PURPOSES_PAST = ['follow-up', 'follow-up', 'follow-up', 'follow-up', 'truth', 'feedback'];
// Weighted: most completed follow-ups reach the prospect; about a third go unanswered.
const OUTCOMES = ['reached', 'reached', 'reached', 'replied', 'replied', 'meeting-held', 'no-answer', 'no-answer', 'voicemail', 'bounced', 'no-show'];
const KINDS = ['delegate', 'low', 'firm'];
const DAY = 86_400_000;

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same database on every machine. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A key that changes whenever the schema (migrations) or this generator changes. */
function schemaKey() {
  const dir = `${ROOT}src/db/migrations`;
  const hash = createHash('sha256').update(String(GENERATOR_VERSION));
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(`${dir}/${file}`));
  return hash.digest('hex').slice(0, 10);
}

/** The cached database for (seed, deals), generated first when missing. Returns its path. */
export function benchDatabase(deals, { seed = 42, log = () => {} } = {}) {
  const dir = `${ROOT}bench-data`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/salesctl-s${seed}-d${deals}-${schemaKey()}.db`;
  if (existsSync(path)) return path;
  const started = Date.now();
  const staging = `${path}.${process.pid}.tmp`;
  generate(staging, deals, seed);
  renameSync(staging, path);
  log(`generated ${deals.toLocaleString('en-US')} deals, ${(deals * 10).toLocaleString('en-US')} follow-ups in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.slice(ROOT.length)}`);
  return path;
}

/** Creates the file through the product (so the schema is exactly the product's), then fills it. */
export function generate(path, deals, seed) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const env = { ...process.env, SALESCTL_DB: path, SALESCTL_NOW: BENCH_NOW, TZ: BENCH_TZ };
  delete env.NODE_EXTRA_CA_CERTS;
  const made = spawnSync(process.execPath, [`${ROOT}bin/salesctl.js`, 'add', 'Schema Probe'], { env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`salesctl add failed (is dist/ built? run npm run build): ${made.stderr.trim()}`);

  const db = new Database(path);
  db.pragma('synchronous = OFF');
  db.exec('DELETE FROM events; DELETE FROM deals; DELETE FROM prospects;');
  // Bulk loading is faster with the indexes built afterwards; they are re-created from the product's own SQL.
  // The triggers (schema 3 keeps each deal's last contact) are set aside too: without their indexes each
  // would scan the follow-ups, making the load quadratic. Once everything is back, touching each deal's
  // latest done follow-up and latest commitment fires them once per deal, with the product's own SQL.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").all();
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all();
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  fill(db, deals, seed);
  for (const { sql } of indexes) db.exec(sql);
  for (const { sql } of triggers) db.exec(sql);
  if (triggers.length) {
    db.transaction(() => {
      db.exec(`UPDATE followups SET outcome = outcome WHERE id IN
        (SELECT max(id) FROM followups WHERE status = 'done' AND completed_at IS NOT NULL GROUP BY deal_id)`);
      db.exec('UPDATE commitments SET created_at = created_at WHERE id IN (SELECT max(id) FROM commitments GROUP BY deal_id)');
    })();
  }
  // The undo log (schema 5) logged the probe and the touches above as changes: a generated history has none.
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'undo_log'").get()) db.exec('DELETE FROM undo_log; DELETE FROM undo_changes;');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function fill(db, dealCount, seed) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const between = (from, to) => from + Math.floor(random() * (to - from));
  const now = Date.parse(BENCH_NOW);
  const iso = (ms) => new Date(ms).toISOString();
  const localMidnight = Date.parse(`${BENCH_NOW.slice(0, 10)}T00:00:00${BENCH_NOW.slice(-6)}`);

  const insertProspect = db.prepare(`INSERT INTO prospects (id, name, company, role, email, phone, decision_maker, segment, tz,
    best_time_start, best_time_end, channel, notes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`);
  const insertDeal = db.prepare(`INSERT INTO deals (id, prospect_id, title, value_minor, currency, status, stage, created_at,
    closed_at, lost_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare('INSERT INTO events (deal_id, at, kind, summary) VALUES (?, ?, ?, ?)');
  const insertFollowup = db.prepare(`INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, outcome, notes,
    created_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)`);
  const insertCommitment = db.prepare(`INSERT INTO commitments (deal_id, kind, what, given_by, promised_at, payment, status,
    created_at, resolved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  let pending = 0;
  db.exec('BEGIN');
  const tick = (rows = 1) => {
    pending += rows;
    if (pending >= BATCH) {
      db.exec('COMMIT; BEGIN');
      pending = 0;
    }
  };

  // Deals get their ids in the order they were created, as in a real database: the open pipeline (recent
  // deals) sits at the end of the table, the years of closed history before it. 80% of deals come with
  // a new prospect (created with the deal), 20% go to an earlier prospect.
  const createdTimes = Float64Array.from({ length: dealCount }, () => now - 7 * DAY - Math.floor(random() * 1088 * DAY)).sort();
  let prospectCount = 0;
  const addProspect = (at) => {
    const id = ++prospectCount;
    const window = random() < 0.7 ? pick(WINDOWS) : [null, null];
    insertProspect.run(id, `${pick(FIRST)} ${pick(LAST)} ${id}`, `PT ${pick(CORP)} ${id % 997}`, random() < 0.5 ? 'owner' : 'purchasing',
      `p${id}@example.com`, `+62 812 ${String(id).padStart(7, '0')}`, random() < 0.6 ? 1 : 0, pick(['smb', 'enterprise', 'retail']),
      pick(ZONES), window[0], window[1], pick(['call', 'email', 'chat', null]), iso(at));
    tick();
    return id;
  };

  for (let id = 1; id <= dealCount; id++) {
    const created = createdTimes[id - 1];
    const prospectId = prospectCount === 0 || random() < 0.8 ? addProspect(created) : 1 + Math.floor(random() * prospectCount);
    const roll = random();
    // Half the deals of the last 180 days are still open (8% of all); older ones are closed.
    const recent = now - created <= 180 * DAY;
    const status = recent
      ? (roll < 0.5 ? 'open' : roll < 0.6 ? 'not-now' : roll < 0.75 ? 'won' : 'lost')
      : (roll < 0.07 ? 'not-now' : roll < 0.39 ? 'won' : 'lost');
    const closed = status === 'open' ? null : created + Math.floor(random() * (now - created));
    const currency = random() < 0.7 ? 'USD' : random() < 0.67 ? 'IDR' : 'EUR';
    const value = currency === 'IDR' ? between(5, 500) * 1_000_000 * 100 : between(5, 2000) * 10_000;
    insertDeal.run(id, prospectId, `${pick(['Fleet', 'Laptops', 'Training', 'Licences', 'Catering', 'Renewal'])} ${id}`, value,
      currency, status, pick(['lead', 'qualified', 'proposal', 'negotiation']), iso(created), closed && iso(closed),
      status === 'lost' ? pick(['price', 'competitor', 'timing']) : null);
    insertEvent.run(id, iso(created), 'created', 'deal created');
    tick(2);

    // The next step of an open or not-now deal, if any; the rest of the 10 follow-ups are in the past.
    let next = null;
    if (status === 'open') {
      const r = random();
      // Working hours (08:00-18:00 local) of one of the next 490 days, today included.
      next = r < 0.97 ? localMidnight + between(0, 75) * DAY + between(8 * 60, 18 * 60) * 60_000
        : r < 0.99 ? now - between(1, 14 * 24) * 3_600_000 : null;
    } else if (status === 'not-now') {
      next = now + between(30, 365) * DAY;
    }
    const pastEnd = closed ?? now;
    const pastCount = next === null ? 10 : 9;
    for (let i = 0; i < pastCount; i++) {
      const due = created + Math.floor(((i + random()) / pastCount) * (pastEnd - created));
      const r = random();
      const followupStatus = r < 0.7 ? 'done' : r < 0.9 ? 'missed' : 'cancelled';
      const purpose = random() < 0.1 ? 'closure' : pick(PURPOSES_PAST);
      insertFollowup.run(id, iso(due), pick(CHANNELS), purpose, purpose === 'closure' ? 1 : 0, followupStatus,
        followupStatus === 'done' ? pick(OUTCOMES) : null, iso(due - DAY), followupStatus === 'cancelled' ? null : iso(due + 3_600_000));
    }
    if (next !== null) {
      const purpose = status === 'not-now' ? 'nurture' : random() < 0.1 ? 'closure' : 'follow-up';
      insertFollowup.run(id, iso(next), pick(CHANNELS), purpose, purpose === 'closure' || random() < 0.3 ? 1 : 0, 'scheduled',
        null, iso(Math.min(now, next) - DAY), null);
    }
    tick(10);

    if (status === 'open' || status === 'won') {
      const count = Math.floor(random() * 4);
      for (let i = 0; i < count; i++) {
        const kind = pick(KINDS);
        const at = created + Math.floor(((i + random()) / count) * ((closed ?? now) - created));
        const latest = i === count - 1;
        const commitmentStatus = latest ? (status === 'won' ? 'kept' : 'pending') : pick(['kept', 'broken', 'superseded']);
        insertCommitment.run(id, kind, pick(['decide by month end', 'ask the director', 'sign the order', 'pay the deposit']),
          random() < 0.8 ? null : 'finance', kind === 'firm' ? iso(at + between(3, 30) * DAY) : null,
          kind === 'firm' ? pick(['dp', 'full']) : null, commitmentStatus, iso(at), commitmentStatus === 'pending' ? null : iso(at + DAY));
      }
      tick(count);
    }
  }
  db.exec('COMMIT');
}

/**
 * A CSV of `rows` new prospects and deals for `salesctl import`, with headers the import knows without
 * --map: name, company, email, phone, role, segment, tz, deal, value, currency, stage, next follow-up
 * (an ISO date on half the rows).
 */
export function importCsv(rows, seed = 7, { everyNext = false } = {}) {
  const dir = `${ROOT}bench-data`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/import-s${seed}-r${rows}${everyNext ? '-next' : ''}-v${GENERATOR_VERSION}.csv`;
  if (existsSync(path)) return path;
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const start = Date.parse(BENCH_NOW);
  const lines = ['name,company,email,phone,role,segment,tz,deal,value,currency,stage,next follow-up'];
  for (let i = 1; i <= rows; i++) {
    const next = everyNext || random() < 0.5 ? new Date(start + Math.floor(random() * 60) * DAY).toISOString().slice(0, 10) : '';
    lines.push([`${pick(FIRST)} ${pick(LAST)} I${i}`, `"${pick(CORP)}, Ltd ${i % 500}"`, `i${i}@example.com`, `+62 813 ${String(i).padStart(7, '0')}`,
      pick(['owner', 'purchasing', '']), pick(['smb', 'enterprise', 'retail']), pick(ZONES), `Imported deal ${i}`,
      (Math.floor(random() * 200000) / 100).toFixed(2), 'USD', pick(['lead', 'qualified', 'proposal']), next].join(','));
  }
  const staging = `${path}.${process.pid}.tmp`;
  writeFileSync(staging, lines.join('\n') + '\n');
  renameSync(staging, path);
  return path;
}

/**
 * A database where every deal is open, as after importing a CRM export or lead list with a next-follow-up
 * column: an empty database into which the built CLI imports `rows` rows of importCsv(), every row with its
 * next follow-up on one of the 60 days from BENCH_NOW (`due` has about 1/60 of them today). Cached like the others.
 */
export function allOpenDatabase(rows, { log = () => {} } = {}) {
  const dir = `${ROOT}bench-data`;
  mkdirSync(dir, { recursive: true });
  const path = `${dir}/salesctl-open-next-r${rows}-${schemaKey()}.db`;
  if (existsSync(path)) return path;
  const started = Date.now();
  const staging = `${path}.${process.pid}.tmp`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  const env = { ...process.env, SALESCTL_DB: staging, SALESCTL_NOW: BENCH_NOW, TZ: BENCH_TZ };
  delete env.NODE_EXTRA_CA_CERTS;
  const made = spawnSync(process.execPath, [`${ROOT}bin/salesctl.js`, 'import', importCsv(rows, 7, { everyNext: true })], { env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`salesctl import failed (is dist/ built? run npm run build): ${made.stderr.trim()}`);
  const db = new Database(staging);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  for (const suffix of ['-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  renameSync(staging, path);
  log(`imported ${rows.toLocaleString('en-US')} open deals in ${((Date.now() - started) / 1000).toFixed(1)} s → ${path.slice(ROOT.length)}`);
  return path;
}

// `node scripts/bench/generate.mjs <deals> [seed]` generates (or finds) one database and prints its path;
// `node scripts/bench/generate.mjs open <rows>` the all-open one.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const log = (line) => console.error(line);
  if (process.argv[2] === 'open') console.log(allOpenDatabase(Number(process.argv[3] ?? 100_000), { log }));
  else console.log(benchDatabase(Number(process.argv[2] ?? 1000), { seed: Number(process.argv[3] ?? 42), log }));
}
