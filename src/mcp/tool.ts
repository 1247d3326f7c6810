// What a salesctl MCP tool is: a name, a description that carries the sales rules, an input schema, and a
// call that runs the matching command. Shared by the read and the write tools.
import type * as Zod from 'zod';
import type { CommandRun, RunCommand } from './invoke.js';

export type Z = typeof Zod;

/** What a tool call gives back: the command's JSON as structured content and a short text, or the error line. */
export type ToolAnswer = { ok: true; structured: Record<string, unknown>; text: string } | { ok: false; text: string };

/** Where a tool runs: the command runner, the clock and the user's zone. */
export interface ToolEnv {
  run: RunCommand;
  /** The current instant ($SALESCTL_NOW or the clock), read per call. */
  now(): Date;
  zone: string;
}

export interface ToolDefinition {
  name: string;
  title: string;
  description: string;
  /** Whether the tool changes the database (never deletes: annotated non-destructive). */
  writes: boolean;
  input(z: Z): Zod.ZodObject<Zod.ZodRawShape>;
  call(input: any, env: ToolEnv): Promise<ToolAnswer>;
}

/**
 * The answer for a command run: its JSON (an array is put under `listKey`, since structured content is an
 * object), a summary, then the command's warnings and hints as it printed them. A failed run answers with
 * the command's own error line(s), the same as the CLI prints.
 */
export function answerOf(
  run: CommandRun,
  summary: (structured: any) => string,
  listKey = 'items',
): ToolAnswer {
  if (run.code !== 0) return { ok: false, text: run.stderr.join('\n') || `salesctl: the command failed (exit ${run.code})` };
  const structured = Array.isArray(run.json) ? { [listKey]: run.json } : ((run.json ?? {}) as Record<string, unknown>);
  return { ok: true, structured, text: [summary(structured), ...run.stderr].join('\n') };
}

/** '1 deal' / '3 deals'. */
export function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A prospect as a person reads it: 'Budi Santoso (PT Maju)'. */
export function who(name: unknown, company: unknown): string {
  return `${String(name ?? '')}${company ? ` (${String(company)})` : ''}`;
}

/** How a deal is named in every tool's input. */
export const DEAL_HELP =
  'the deal: its id (best), or a piece of the prospect\'s name, company or deal title; a piece that matches several deals is refused with the candidates listed';

/** What every date input accepts, for the schemas' descriptions. */
export const DATE_HELP =
  "as on the command line, read in the user's time zone: 2026-12-01, '2026-12-01 14:30', 'tomorrow 10am', 'next tuesday', 'in 3 days', +2w, +3m";

/** Where a date without a time lands on a follow-up. */
export const DATE_ONLY_FOLLOWUP = "; a date without a time lands at the start of the prospect's best time in their zone, else 09:00";
