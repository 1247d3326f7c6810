// Timing and memory primitives for the benchmark: wall time of a child process (spawned the same way for
// the `node -e 0` floor and for salesctl, so the spawn cost cancels out) and its peak resident memory.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment every measured child gets: NODE_EXTRA_CA_CERTS removed (it costs ~80 ms per start). */
export function benchEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

/** Runs once; throws with the child's stderr when it fails (a benchmark of an error is no benchmark). */
export function runOnce(command, args, { env, input, cwd, allowFail = false } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, input, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.error) throw result.error;
  if (result.status !== 0 && !allowFail) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${String(result.stderr).trim().split('\n').slice(-3).join(' / ')}`);
  }
  return { ms, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Median wall time (ms) of `runs` runs after `warmup` unmeasured ones. `before(i)` runs untimed before
 * each run (e.g. to reset a file). Returns { median, min, max, runs }.
 */
export function timeRuns(command, args, { env, runs = 21, warmup = 2, before, input } = {}) {
  for (let i = 0; i < warmup; i++) {
    before?.(-1 - i);
    runOnce(command, args, { env, input });
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    before?.(i);
    times.push(runOnce(command, args, { env, input }).ms);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

/** How peak memory is measured in this run: GNU time's %M when present, else /proc VmHWM at exit. */
export function rssMethod() {
  if (process.env.BENCH_RSS === 'vmhwm') return 'vmhwm';
  return existsSync('/usr/bin/time') ? 'gnu-time' : 'vmhwm';
}

/**
 * Runs `node <args>` once and returns { ms, rssMB }: the child's peak resident set size. With GNU time
 * that is the kernel's ru_maxrss of the node process; otherwise a preloaded hook reads VmHWM from
 * /proc/self/status when the process exits (the same kernel figure, read from inside).
 */
export function peakRss(nodeArgs, { env, input } = {}) {
  if (rssMethod() === 'gnu-time') {
    const out = join(tmpdir(), `salesctl-bench-rss-${process.pid}`);
    const run = runOnce('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, ...nodeArgs], { env, input });
    const kb = Number(readFileSync(out, 'utf8').trim().split('\n').pop());
    rmSync(out, { force: true });
    return { ms: run.ms, rssMB: kb / 1024 };
  }
  const hook = new URL('./vmhwm.cjs', import.meta.url).pathname;
  const out = join(tmpdir(), `salesctl-bench-rss-${process.pid}`);
  const run = runOnce(process.execPath, ['-r', hook, ...nodeArgs], { env: { ...env, SALESCTL_BENCH_RSS_OUT: out }, input });
  const kb = Number(readFileSync(out, 'utf8').trim());
  rmSync(out, { force: true });
  return { ms: run.ms, rssMB: kb / 1024 };
}

/**
 * Like timeRuns, but each measured run is paired with a `node -e 0` run just before it, so the floor is
 * measured under the same load as the command (these machines are shared). Returns the command's
 * median, the floor's median over the same pairs, and the median of the per-pair differences.
 */
export function timePaired(command, args, { env, runs = 21, warmup = 2, before, input } = {}) {
  for (let i = 0; i < warmup; i++) {
    before?.(-1 - i);
    runOnce(command, args, { env, input });
  }
  const times = [];
  const floors = [];
  const diffs = [];
  for (let i = 0; i < runs; i++) {
    const floor = runOnce(process.execPath, ['-e', '0'], { env }).ms;
    before?.(i);
    const ms = runOnce(command, args, { env, input }).ms;
    times.push(ms);
    floors.push(floor);
    diffs.push(ms - floor);
  }
  return { median: median(times), floor: median(floors), diff: median(diffs), min: Math.min(...times), runs };
}

/** A command line for `script -qec`: every argument single-quoted for the shell. */
const shellLine = (command, args) => [command, ...args].map((word) => `'${String(word).replace(/'/g, `'\\''`)}'`).join(' ');

/** Whether `script` (util-linux) is here to give a command a pseudo-terminal. */
export function hasScript() {
  return spawnSync('script', ['-qec', 'true', '/dev/null'], { stdio: 'ignore' }).status === 0;
}

/**
 * timePaired on a terminal: the command runs under `script -qec` (a pseudo-terminal as its stdin, stdout
 * and stderr, as a salesperson's terminal), each run paired with `script -qec 'node -e 0'` just before it,
 * the floor of a terminal run. Returns the same figures as timePaired.
 */
export function timePairedPty(command, args, { env, runs = 21, warmup = 2 } = {}) {
  const run = (line) => runOnce('script', ['-qec', line, '/dev/null'], { env });
  const line = shellLine(command, args);
  const floorLine = shellLine(process.execPath, ['-e', '0']);
  for (let i = 0; i < warmup; i++) run(line);
  const times = [];
  const floors = [];
  const diffs = [];
  for (let i = 0; i < runs; i++) {
    const floor = run(floorLine).ms;
    const ms = run(line).ms;
    times.push(ms);
    floors.push(floor);
    diffs.push(ms - floor);
  }
  return { median: median(times), floor: median(floors), diff: median(diffs), min: Math.min(...times), runs };
}

/** What a terminal shows for one run of the command (under `script`), for counting its lines. */
export function ptyOutput(command, args, { env } = {}) {
  return String(runOnce('script', ['-qec', shellLine(command, args), '/dev/null'], { env }).stdout);
}

/**
 * The cost of `args` over `baseline`, two forms of one command: each measured run of `args` is paired with
 * a run of `baseline` just before it. Returns both medians and the median of the per-pair differences.
 */
export function timeAgainst(command, baseline, args, { env, runs = 21, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) {
    runOnce(command, baseline, { env });
    runOnce(command, args, { env });
  }
  const bases = [];
  const times = [];
  const diffs = [];
  for (let i = 0; i < runs; i++) {
    const base = runOnce(command, baseline, { env }).ms;
    const ms = runOnce(command, args, { env }).ms;
    bases.push(base);
    times.push(ms);
    diffs.push(ms - base);
  }
  return { median: median(times), base: median(bases), diff: median(diffs), runs };
}
