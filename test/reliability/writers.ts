// A writer process for the concurrency tests: `count` runs of `salesctl add` through the built runCli,
// each opening, writing and closing the database like a separate invocation (without node's start-up).
import { DIST_MAIN, spawnNode, type Running } from './support.js';

const WRITER = `
const { runCli } = await import(process.argv[1]);
const [, , label, count] = process.argv;
const failures = [];
for (let i = 0; i < Number(count); i++) {
  let err = '';
  const code = await runCli(['add', label + '-' + i, '--company', 'Co ' + label, '--value', String(i + 1)], {
    env: process.env, stdout: { write() {} }, stderr: { write: (s) => (err += s) }, isTTY: false, interactive: false,
  });
  if (code !== 0) failures.push(code + ' ' + err.trim());
}
process.stdout.write(JSON.stringify({ failures }));
`;

/** Starts a writer that adds `count` deals named `<label>-<i>` to the database at `db`. */
export function startWriter(db: string, label: string, count: number, env: Record<string, string> = {}): Running {
  return spawnNode(WRITER, [DIST_MAIN, label, String(count)], { SALESCTL_DB: db, SALESCTL_NOW: '2026-11-22T08:00:00Z', ...env });
}
