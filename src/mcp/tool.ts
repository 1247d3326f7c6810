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

/** A tool; `S` is its input schema's shape, so `call` gets the input as that schema reads it. */
export interface ToolDefinition<S extends Zod.ZodRawShape = Zod.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  /** Whether the tool changes the database (never deletes: annotated non-destructive). */
  writes: boolean;
  input(z: Z): Zod.ZodObject<S>;
  call(input: Zod.output<Zod.ZodObject<S>>, env: ToolEnv): Promise<ToolAnswer>;
}

/** A tool, its input typed by its own schema (`input`'s shape is inferred, then `call` is checked against it). */
export function tool<S extends Zod.ZodRawShape>(definition: ToolDefinition<S>): ToolDefinition {
  return definition as unknown as ToolDefinition;
}

/** What a tool's summary reads: the command's JSON document, an array put under its list key. */
export type Structured<J, L extends string> = J extends readonly unknown[] ? { [K in L]: J } : J;

/**
 * The answer for a command run: its JSON (an array is put under `listKey`, since structured content is an
 * object), a summary, then the command's warnings and hints as it printed them. A failed run answers with
 * the command's own error line(s), the same as the CLI prints. `J` is the type the command declares for its
 * `--json` document (e.g. `DueJson` in render/due.ts): the one place the parsed JSON is taken to be of it.
 */
export function answerOf<J, L extends string = 'items'>(
  run: CommandRun,
  summary: (structured: Structured<J, L>) => string,
  listKey = 'items' as L,
): ToolAnswer {
  if (run.code !== 0) return { ok: false, text: run.stderr.join('\n') || `salesctl: the command failed (exit ${run.code})` };
  const structured = Array.isArray(run.json) ? { [listKey]: run.json } : ((run.json ?? {}) as Record<string, unknown>);
  return { ok: true, structured, text: [summary(structured as Structured<J, L>), ...run.stderr].join('\n') };
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
