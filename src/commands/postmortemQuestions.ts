// The guided reflection of `salesctl postmortem` on a terminal, in the order "learn to unlearn" suggests:
// what happened → which assumption failed → root causes → who you tested it with → what they said → the new method.
// Loaded only when prompting, with @inquirer/prompts.
import { POSTMORTEM_QUESTIONS as Q, reviewerList } from '../core/postmortem.js';
import { MAX_TEXT } from '../core/text.js';
import { ROOT_CAUSES, ROOT_CAUSE_NAMES, type RootCause } from '../core/vocab.js';
import type { Sink } from '../context.js';
import { safe } from '../render/text.js';
import type { Reflection } from './postmortem.js';


/** Asks for every answer not given on the command line; returns the completed reflection. */
export async function reflect(given: Reflection, dealName: string, stderr: Sink): Promise<Required<Reflection>> {
  const { input, checkbox } = await import('@inquirer/prompts');
  const text = async (message: string, required = false) => {
    const answer = await input({
      message,
      validate: (value: string) =>
        value.trim().length > MAX_TEXT ? `at most ${MAX_TEXT} characters` : required && !value.trim() ? 'please write a line' : true,
    });
    return answer.trim() || null;
  };
  stderr.write(`Post-mortem of ${safe(dealName)}: a failed close is normal; look for the cause in what you did.\n`);
  const what = given.what ?? (await text(Q.what));
  const assumption = given.assumption ?? (await text(Q.assumption));
  const causes: RootCause[] = given.causes ?? (await checkbox({
    message: `${Q.causes} (space to select, enter to confirm)`,
    choices: ROOT_CAUSE_NAMES.map((name) => ({ value: name, name: `${name}: ${ROOT_CAUSES[name]}`, short: name })),
    required: true,
    pageSize: ROOT_CAUSE_NAMES.length,
  }));
  const reviewers = given.reviewers ?? reviewerList([await input({ message: `${Q.reviewers} (${Q.reviewerExamples}; comma-separated)` })]);
  const feedback = given.feedback ?? (await text(Q.feedback));
  const lesson = given.lesson ?? (await text(Q.lesson, true));
  return { what, assumption, causes, reviewers, feedback, lesson };
}
