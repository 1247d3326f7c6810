// Running one argument vector and judging it: shared by the fast argv property test and the long suite.
import { harness, snapshot, type Harness } from '../helpers.js';
import { judge } from './arbitraries.js';

/** A database with a little of everything, so deal references and ids resolve. */
export async function seeded(tz = 'UTC'): Promise<Harness> {
  const h = harness('2026-11-22T08:00:00Z', tz);
  for (const argv of [
    ['add', 'Budi', '--company', 'PT Maju', '--value', '15k', '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00'],
    ['add', 'Budi', '--company', 'PT Jaya', '--deal', 'Fleet'],
    ['add', 'Rina', '--company', 'Acme', '--value', '500'],
    ['followup', '1', '--at', 'tomorrow 10am'],
    ['followup', '3', '--at', '2026-11-20 09:00'],
    ['commit', '1', 'firm', 'signs', '--by', '2026-12-01'],
    ['log', '2', 'called'],
  ]) {
    const run = await h.run(argv);
    if (run.code !== 0) throw new Error(`seeding failed: ${argv.join(' ')}: ${run.stderr}`);
  }
  return h;
}

/** The property, shared with the long suite: run `args`, judge the outcome, compare the data. */
export async function checkArgv(h: Harness, args: string[], tty: boolean, tz: string): Promise<void> {
  const before = snapshot(h.db);
  const run = await h.run(args, { tty, zone: tz });
  const problem = judge(args, run);
  if (problem) throw new Error(`salesctl ${JSON.stringify(args)}: ${problem}\n${JSON.stringify(run)}`);
  if (run.code !== 0 && snapshot(h.db) !== before) throw new Error(`salesctl ${JSON.stringify(args)} failed with ${run.code} but changed the data`);
}
