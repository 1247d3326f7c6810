// `npm run bench`: how fast salesctl is, on synthetic databases of 1k, 10k and 100k deals (10 follow-ups
// each), against the targets of the performance brief. Prints one table; see scripts/bench/generate.mjs
// for what the databases hold. Options (environment): BENCH_RUNS (default 21 measured runs per figure,
// after 2 warm-ups), BENCH_SEED (default 42), BENCH_QUICK=1 (7 runs, for a rough look), BENCH_RSS=vmhwm
// (read peak memory from /proc even where GNU time is installed).
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, cpSync, existsSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_NOW, BENCH_TZ, ROOT, allOpenDatabase, benchDatabase, importCsv } from './bench/generate.mjs';
import { benchEnv, hasScript, median, peakRss, ptyOutput, rssMethod, runOnce, timeAgainst, timePaired, timePairedPty, timeRuns } from './bench/measure.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? (process.env.BENCH_QUICK ? 7 : 21));
const SEED = Number(process.env.BENCH_SEED ?? 42);
const work = mkdtempSync(join(tmpdir(), 'salesctl-bench-'));
const log = (line) => process.stderr.write(`${line}\n`);

if (!existsSync(`${ROOT}dist/main.js`)) {
  log('dist/ is missing: building it first (node scripts/build.mjs)');
  const built = spawnSync(process.execPath, [`${ROOT}scripts/build.mjs`], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}
// The built program is measured from a snapshot of bin/ and dist/ taken now, so a rebuild during the run
// cannot mix two builds; it sits inside the project so node_modules resolves as usual.
const app = `${ROOT}bench-data/app-${process.pid}`;
cpSync(`${ROOT}bin`, `${app}/bin`, { recursive: true });
cpSync(`${ROOT}dist`, `${app}/dist`, { recursive: true });
const BIN = `${app}/bin/salesctl.js`;
process.on('exit', () => rmSync(app, { recursive: true, force: true }));

console.log(`salesctl benchmark — node ${process.version}, ${cpus().length} CPU(s) (${cpus()[0]?.model ?? 'unknown'}), ${RUNS} runs per figure after 2 warm-ups`);
console.log(`NODE_EXTRA_CA_CERTS and NODE_OPTIONS are removed from every measured process${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set here: it would add its certificate loading to every node start)' : ''}.`);
console.log(`Every command runs with SALESCTL_NOW=${BENCH_NOW}, TZ=${BENCH_TZ}, output to a pipe. Floor = \`node -e 0\`, run just before each measured run.`);
console.log(`"on a terminal": under \`script -qec\` (a pseudo-terminal, 80 columns, colour on), floor = \`script -qec 'node -e 0'\` run just before each.`);
console.log(`Peak RSS: ${rssMethod() === 'gnu-time' ? 'GNU time %M (the kernel\'s ru_maxrss of the node process)' : 'VmHWM from /proc/self/status at exit'}.\n`);

const sizes = [1_000, 10_000, 100_000];
const databases = Object.fromEntries(sizes.map((n) => [n, benchDatabase(n, { seed: SEED, log })]));
const allOpen = allOpenDatabase(100_000, { log });
const pty = hasScript();
const csvPath = importCsv(100_000);
const rows = [];
const row = (figure, target, measured, floor, vsFloor, pass) => rows.push({ figure, target, measured, floor, vsFloor, pass });
const ms = (value) => `${value.toFixed(1)} ms`;

/**
 * A private copy of a database (writes and WAL files stay out of the cache), flushed to disk before it is
 * used: otherwise the kernel writes the copy back (258 MB at 100k deals) while the measured command runs,
 * and the import's own fsyncs wait behind it (0.1-0.5 s of noise per run, seen with and without).
 */
function copyOf(path, name) {
  const target = join(work, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  copyFileSync(path, target);
  const fd = openSync(target, 'r+');
  fsyncSync(fd);
  closeSync(fd);
  return target;
}

/** Runs the command once; 'not built yet' when it is still a placeholder, else null. */
function missing(args, env) {
  const probe = runOnce(process.execPath, [BIN, ...args], { env, allowFail: true });
  if (probe.status === 0) return null;
  const stderr = String(probe.stderr);
  if (/not built yet/i.test(stderr)) return 'not built yet';
  return `fails: ${stderr.trim().split('\n')[0]}`;
}

const envFor = (db) => benchEnv({ SALESCTL_DB: db, SALESCTL_NOW: BENCH_NOW, TZ: BENCH_TZ, NO_COLOR: '1' });

/**
 * One start-up figure: the command paired with the floor, labelled with how many lines it printed; or why it
 * could not be measured. Returns whether it was measured.
 */
function startupRow(label, args, { env, target = '≤ floor + 40 ms', limit = 40, named = (lines) => `${label} (${lines} lines)` }) {
  const problem = missing(args, env);
  if (problem) {
    row(label, target, problem, '', '', '—');
    return false;
  }
  const lines = String(runOnce(process.execPath, [BIN, ...args], { env }).stdout).split('\n').filter(Boolean).length;
  const t = timePaired(process.execPath, [BIN, ...args], { env, runs: RUNS });
  row(named(lines), target, ms(t.median), ms(t.floor), `+${t.diff.toFixed(1)} ms`, t.diff <= limit);
  return true;
}

// 1. `due` at each size: the morning table, read-only.
for (const size of sizes) {
  const db = copyOf(databases[size], `due-${size}.db`);
  const env = envFor(db);
  if (!startupRow(`due @ ${size.toLocaleString('en-US')} deals`, ['due'], { env })) continue;
  if (size === 100_000) {
    const rss = median([0, 1, 2].map(() => peakRss([BIN, 'due'], { env }).rssMB));
    row('due @ 100,000 deals: peak RSS', '≤ 100 MB', `${rss.toFixed(1)} MB`, '', '', rss <= 100);
  }
  if (size >= 10_000) terminalRow(`due @ ${size.toLocaleString('en-US')} deals on a terminal`, ['due'], { env: { ...env, NO_COLOR: '' } });
}

/** A command through a pseudo-terminal, paired with a pseudo-terminal's own floor. */
function terminalRow(label, args, { env }) {
  if (!pty) {
    row(label, '≤ pty floor + 40 ms', 'script(1) is missing: not measured', '', '', '—');
    return;
  }
  const lines = ptyOutput(process.execPath, [BIN, ...args], { env }).split('\n').filter((line) => line.trim()).length;
  const t = timePairedPty(process.execPath, [BIN, ...args], { env, runs: RUNS });
  row(`${label} (${lines} lines)`, '≤ pty floor + 40 ms', ms(t.median), ms(t.floor), `+${t.diff.toFixed(1)} ms`, t.diff <= 40);
}

// 1b. Every read command on a database where every deal is open, as after importing a lead list of
//     100,000 rows (each with a next follow-up): nothing may grow faster than what it prints.
{
  const db = copyOf(allOpen, 'all-open.db');
  const env = envFor(db);
  const reader = new Database(db, { readonly: true });
  const dealId = String(reader.prepare("SELECT id FROM deals WHERE status = 'open' ORDER BY id LIMIT 1 OFFSET 5000").pluck().get());
  reader.close();
  const near = [
    ['due', ['due']],
    ['show', ['show', dealId]],
  ];
  for (const [name, args] of near) {
    const label = `${name} (all-open 100k)`;
    startupRow(label, args, { env, named: (lines) => `${label}, ${lines} lines` });
  }
  terminalRow('due (all-open 100k) on a terminal', ['due'], { env: { ...env, NO_COLOR: '' } });
  // The whole-database reads: each prints up to every deal, so each is held to a second and a half.
  const whole = [
    ['list', ['list']],
    ['forecast', ['forecast']],
    ['stats reach', ['stats', 'reach']],
    ['postmortem report', ['postmortem', 'report']],
    ['export deals csv', ['export', 'deals', '--format', 'csv']],
  ];
  for (const [name, args] of whole) {
    const label = `${name} (all-open 100k)`;
    const problem = missing(args, env);
    if (problem) {
      row(label, '≤ 1.5 s', problem, '', '', '—');
      continue;
    }
    const lines = String(runOnce(process.execPath, [BIN, ...args], { env }).stdout).split('\n').filter(Boolean).length;
    const t = timeRuns(process.execPath, [BIN, ...args], { env, runs: Math.min(RUNS, 7), warmup: 1 });
    row(`${label}, ${lines.toLocaleString('en-US')} lines`, '≤ 1.5 s', ms(t.median), '', '', t.median <= 1500);
  }
}

// 2. The everyday writes, on a copy of the 100k database (a few rows accumulate: harmless).
{
  const db = copyOf(databases[100_000], 'writes.db');
  const env = envFor(db);
  const reader = new Database(db, { readonly: true });
  const dealId = String(reader.prepare("SELECT id FROM deals WHERE status = 'open' ORDER BY id LIMIT 1 OFFSET 100").pluck().get());
  reader.close();
  const writes = [
    ['add', ['add', 'Bench Prospect', '--company', 'Bench Co', '--value', '1500', '--tz', 'Asia/Jakarta', '--allow-duplicate']],
    ['followup', ['followup', dealId, '--at', '2026-11-25 10:00', '--channel', 'call']],
    ['commit', ['commit', dealId, 'low', 'decide after the board meeting']],
  ];
  for (const [name, args] of writes) {
    startupRow(`${name} (100k database)`, args, { env, target: '≤ floor + 60 ms', limit: 60, named: () => `${name} (100k database)` });
  }
  // A natural phrase against an ISO date, the same command otherwise: what reading the phrase costs.
  const iso = ['followup', dealId, '--at', '2026-12-05', '--channel', 'call'];
  const phrase = ['followup', dealId, '--at', 'tomorrow', '--channel', 'call'];
  const problem = missing(phrase, env);
  if (problem) row('followup --at tomorrow vs --at 2026-12-05', '≤ ISO + 30 ms', problem, '', '', '—');
  else {
    const t = timeAgainst(process.execPath, [BIN, ...iso], [BIN, ...phrase], { env, runs: RUNS });
    row('followup --at tomorrow vs --at 2026-12-05 (100k db)', '≤ ISO + 30 ms', ms(t.median), `ISO ${ms(t.base)}`, `+${t.diff.toFixed(1)} ms`, t.diff <= 30);
  }
}

// 3. import of a 100,000-row CSV, into a small database (1k deals) and into the 100k one; each run on a
//    fresh copy, median of 3.
for (const size of [1_000, 100_000]) {
  const name = `import-${size}.db`;
  const fresh = () => copyOf(databases[size], name);
  const env = envFor(join(work, name));
  const label = `import 100,000-row CSV into the ${size.toLocaleString('en-US')}-deal database`;
  fresh();
  const problem = missing(['import', csvPath], env);
  if (problem) row(label, '≤ 3 s', problem, '', '', '—');
  else {
    const t = timeRuns(process.execPath, [BIN, 'import', csvPath], { env, runs: 3, warmup: 0, before: fresh });
    row(label, '≤ 3 s', `${(t.median / 1000).toFixed(2)} s`, '', '', t.median <= 3000);
  }
}

// 4. export of the 1,000,000 follow-ups as CSV, to a file.
{
  const env = envFor(databases[100_000]);
  const out = join(work, 'followups.csv');
  const args = [BIN, 'export', 'followups', '--format', 'csv', '--out', out];
  const problem = missing(args.slice(1), env);
  if (problem) {
    row('export followups csv (1M rows)', '≥ 300,000 rows/s', problem, '', '', '—');
    row('export followups csv: peak RSS', '≤ 150 MB', problem, '', '', '—');
  } else {
    const lines = Number(spawnSync('wc', ['-l', out], { encoding: 'utf8' }).stdout.trim().split(/\s+/)[0]) - 1;
    // Each run writes a new file: replacing the last run's 175 MB file made the final rename free it first
    // (about 0.14 s in a CPU profile), work of the benchmark's repetition, not of an export.
    const runs = [0, 1, 2].map(() => {
      rmSync(out, { force: true });
      return peakRss(args, { env });
    });
    const seconds = median(runs.map((r) => r.ms)) / 1000;
    const rate = lines / seconds;
    const rss = median(runs.map((r) => r.rssMB));
    row(`export followups csv (${lines.toLocaleString('en-US')} rows, ${(statSync(out).size / 1e6).toFixed(0)} MB)`, '≥ 300,000 rows/s',
      `${Math.round(rate).toLocaleString('en-US')} rows/s (${seconds.toFixed(2)} s)`, '', '', rate >= 300_000);
    row('export followups csv: peak RSS', '≤ 150 MB', `${rss.toFixed(1)} MB`, '', '', rss <= 150);
  }
}

// The floor on its own, for reference.
const floor = timeRuns(process.execPath, ['-e', '0'], { env: benchEnv(), runs: RUNS });
row('node -e 0 (the floor)', '', ms(floor.median), '', '', '');

const headers = ['figure', 'target', 'measured', 'floor', 'vs floor', 'result'];
const cells = rows.map((r) => [r.figure, r.target, r.measured, r.floor, r.vsFloor, r.pass === true ? 'PASS' : r.pass === false ? 'FAIL' : r.pass]);
const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
const line = (c) => c.map((v, i) => String(v).padEnd(widths[i])).join('  ').trimEnd();
console.log(line(headers));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const c of cells) console.log(line(c));
rmSync(work, { recursive: true, force: true });
const failed = rows.filter((r) => r.pass === false).length;
console.log(`\n${failed ? `${failed} figure(s) miss their target` : 'every measured figure meets its target'}${rows.some((r) => r.pass === '—') ? '; some commands are not built yet' : ''}.`);
