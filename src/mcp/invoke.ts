// One tool call = one salesctl command run in this process, exactly as typed in a shell: the same argv
// through the same command table, rules and transactions, on the already open database, with `--json` and
// never a prompt. Only the sinks differ: stdout (the JSON) and stderr (warnings, hints, the error line) are
// caught in buffers, because stdout belongs to the protocol.
import type { Database } from 'better-sqlite3';
import type { Context } from '../context.js';
import { runCli } from '../main.js';

/** What one command run gave back. */
export interface CommandRun {
  /** The exit code: 0 done, 2 bad input, 3 not found or ambiguous, 4 refused, 1 failure. */
  code: number;
  /** The `--json` document (undefined when the command failed). */
  json: unknown;
  /** What the command wrote on stderr: the error line, or its warnings and hints, one per line. */
  stderr: string[];
}

/** Runs a command with these words (no program name), adding `--json`. */
export type RunCommand = (argv: string[]) => Promise<CommandRun>;

/** A runner bound to the mcp command's context: its database, zone and environment. */
export function commandRunner(ctx: Context, database: Database): RunCommand {
  return async (argv) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(argv, {
      env: ctx.env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      isTTY: false,
      interactive: false,
      database,
      zone: ctx.zone,
    });
    return {
      code,
      json: code === 0 && stdout ? JSON.parse(stdout) : undefined,
      stderr: stderr.split('\n').filter((line) => line !== ''),
    };
  };
}

/**
 * The words of a command: options written `--flag=value`, so a value that begins with a dash stays a value,
 * and the positional arguments after `--`, so a name or a note can never be read as a flag. Options that
 * are undefined, null, false or empty lists are left out; `true` is the bare flag; a list repeats the flag.
 */
export function commandLine(
  words: string[],
  options: Record<string, string | number | boolean | string[] | null | undefined>,
  positional: Array<string | number | undefined> = [],
): string[] {
  const argv = [...words, '--json'];
  for (const [flag, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === false) continue;
    if (value === true) argv.push(`--${flag}`);
    else if (Array.isArray(value)) for (const item of value) argv.push(`--${flag}=${item}`);
    else argv.push(`--${flag}=${value}`);
  }
  const operands = positional.filter((p): p is string | number => p !== undefined).map(String);
  return operands.length ? [...argv, '--', ...operands] : argv;
}
