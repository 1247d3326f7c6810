// The README as a runnable story: its ```sh and ```console blocks, read in order, each command run on a
// terminal (a pseudo-terminal made by `script`) with the README's fixed clock, and compared with what the
// README says it does. The convention, as the README explains it to its reader:
//   - ```sh block: every command line is run; only its exit code is checked (0 unless the line ends with a
//     comment saying `exits N`). Comment lines are skipped; a line ending in `\` continues on the next,
//     and a here-document (`<<'EOF'` … `EOF`) is part of its command.
//   - ```console block: lines starting `$ ` are typed; the lines after one, up to the next `$ ` line, are
//     EXACTLY what the terminal shows (stdout and stderr, as they interleave on a terminal, no colour).
//   - a trailing comment `answer X` types X and Enter at the prompt the command asks on a terminal.
//   - a block whose first line is `# not run by the README test…` is shown, never run.
// Other fences (```text, ```json, …) are shown, never run.
import { spawnSync } from 'node:child_process';

export interface Step {
  /** README line (1-based) of the command's first line. */
  line: number;
  /** The command as bash runs it (continuation lines included). */
  command: string;
  expectedExit: number;
  /** Typed at the prompt, then Enter. */
  answer?: string;
  /** In a ```console block: the exact terminal output, and the README lines [from, to) that hold it. */
  expectedOutput?: string;
  outputLines?: [number, number];
}

export interface Block {
  /** README line (1-based) of the opening fence. */
  line: number;
  lang: string;
  run: boolean;
  steps: Step[];
}

const FENCE = /^```(\S*)/;
const NOT_RUN = /^# not run by the README test/;

/** Reads the trailing `# …` comment of a command: `exits N` and `answer X`. */
export function annotations(command: string): { expectedExit: number; answer?: string } {
  // On the last line; a command with a here-document carries it on its first.
  const lastLine = command.slice(command.lastIndexOf('\n') + 1);
  const firstLine = command.split('\n', 1)[0]!;
  const comment = /\s#\s(.*)$/.exec(lastLine)?.[1] ?? /\s#\s(.*)$/.exec(firstLine)?.[1] ?? '';
  const exits = /\bexits (\d+)\b/.exec(comment);
  const answer = /\banswer (\S+)\s*$/.exec(comment);
  return { expectedExit: exits ? Number(exits[1]) : 0, ...(answer ? { answer: answer[1] } : {}) };
}

/** Every fenced block of the README with the steps of the runnable ones, in order. */
export function parseStory(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    if (end === lines.length) throw new Error(`README.md:${start + 1}: the code block is never closed`);
    const body = lines.slice(start + 1, end);
    const lang = open[1]!;
    const run = (lang === 'sh' || lang === 'console') && !NOT_RUN.test(body[0] ?? '');
    const steps = !run ? [] : lang === 'sh' ? shSteps(body, start + 2) : consoleSteps(body, start + 2);
    blocks.push({ line: start + 1, lang, run, steps });
    i = end;
  }
  return blocks;
}

/** Commands of a ```sh block; `firstLine` is the README line number of body[0]. */
function shSteps(body: string[], firstLine: number): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < body.length; i++) {
    const text = body[i]!;
    if (!text.trim() || text.trimStart().startsWith('#')) continue;
    const from = i;
    while (body[i]!.endsWith('\\') && i + 1 < body.length) i++;
    // A here-document (<<'EOF' … EOF) belongs to its command.
    const heredoc = /<<-?'?(\w+)'?/.exec(body[i]!);
    if (heredoc) while (i + 1 < body.length && body[i]! !== heredoc[1]) i++;
    const command = body.slice(from, i + 1).join('\n');
    steps.push({ line: firstLine + from, command, ...annotations(command) });
  }
  return steps;
}

/** Commands and their exact outputs of a ```console block. */
function consoleSteps(body: string[], firstLine: number): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (body.length && !body[0]!.startsWith('$ ')) {
    throw new Error(`README.md:${firstLine}: a console block starts with a "$ " command line`);
  }
  while (i < body.length) {
    const from = i;
    while (body[i]!.endsWith('\\') && i + 1 < body.length) i++;
    const command = body.slice(from, i + 1).join('\n').slice(2);
    i++;
    const outputFrom = i;
    while (i < body.length && !body[i]!.startsWith('$ ')) i++;
    const output = body.slice(outputFrom, i);
    steps.push({
      line: firstLine + from,
      command,
      ...annotations(command),
      expectedOutput: output.length ? output.join('\n') + '\n' : '',
      outputLines: [firstLine - 1 + outputFrom, firstLine - 1 + i],
    });
  }
  return steps;
}

export interface Outcome {
  code: number | null;
  output: string;
  timedOut: boolean;
}

/** What is wrong with an outcome against its step; empty when it is what the README says. */
export function mismatches(step: Step, outcome: Outcome): string[] {
  const problems: string[] = [];
  if (outcome.timedOut) problems.push('timed out: is it waiting at a prompt? Give the value as a flag, or end the line with `# answer X`');
  else if (outcome.code !== step.expectedExit) {
    problems.push(`exits ${outcome.code}, the README says ${step.expectedExit}${step.expectedExit ? '' : ' (mark a failure with `# exits N`)'}`);
  }
  if (step.expectedOutput !== undefined && outcome.output !== step.expectedOutput) {
    problems.push(`prints something else than the README shows:\n${lineDiff(step.expectedOutput, outcome.output)}`);
  }
  return problems;
}

/** The first differing lines, README (-) against salesctl (+), for a readable failure. */
export function lineDiff(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const shown = (lines: string[], sign: string) =>
    lines.slice(first, first + 6).map((l) => `${sign} ${JSON.stringify(l)}`).join('\n');
  return `first difference at output line ${first + 1}\n${shown(a, '-')}\n${shown(b, '+')}`;
}

/** The README with each console step's output replaced by what salesctl printed (UPDATE_README=1). */
export function rewriteOutputs(markdown: string, actual: Map<Step, string>): string {
  const lines = markdown.split('\n');
  const steps = [...actual.keys()].filter((s) => s.outputLines).sort((x, y) => y.outputLines![0] - x.outputLines![0]);
  for (const step of steps) {
    const [from, to] = step.outputLines!;
    const output = actual.get(step)!;
    lines.splice(from, to - from, ...(output ? output.replace(/\n$/, '').split('\n') : []));
  }
  return lines.join('\n');
}

/**
 * Runs one command as a reader pasting it would: bash in `cwd`, on a pseudo-terminal `columns` wide,
 * with `env`; pipelines fail when any part fails. The output is what the terminal shows, with \n line ends.
 */
export function runStep(step: Step, options: { cwd: string; env: NodeJS.ProcessEnv; columns: number; timeoutMs?: number }): Outcome {
  const script = `stty cols ${options.columns} rows 50; set -o pipefail; ${step.command}`;
  const result = spawnSync('script', ['-qec', script, '/dev/null'], {
    cwd: options.cwd,
    env: { ...options.env, SHELL: '/bin/bash' },
    input: step.answer !== undefined ? `${step.answer}\r` : '',
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 15_000,
    killSignal: 'SIGKILL',
  });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new Error('the README test needs `script` (util-linux) to give each command a terminal');
  }
  const timedOut = result.error !== undefined || result.signal !== null;
  return { code: result.status, output: result.stdout.replace(/\r\n/g, '\n'), timedOut };
}
