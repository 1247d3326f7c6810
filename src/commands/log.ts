// `salesctl log <deal> <text...>`: a line in the deal's journal (it shows on the deal's timeline).
import type { LogFlags } from '../cli.js';
import type { Context } from '../context.js';
import { optionalText } from '../core/text.js';
import { UsageError } from '../errors.js';
import { resolveDeal } from '../db/which.js';
import { insertJournal, journalTags } from '../db/journal.js';
import { inTransaction } from '../db/transaction.js';
import { dealLabel } from '../render/deals.js';
import { instant, when } from '../render/instant.js';
import type { Result } from '../render/result.js';
import { paint, safe } from '../render/text.js';

const MAX_TAG = 50;

/** `log --json`: the journal line. */
export interface LogJson {
  id: number;
  deal_id: number;
  at: string | null;
  text: string;
  tags: string[];
}

export async function run(ctx: Context, [ref, words]: string[], flags: LogFlags): Promise<Result> {
  const text = optionalText(words, 'the journal line');
  if (!text) throw new UsageError("the journal line is empty: write what happened, e.g. salesctl log 12 'called, asked for the price list'");
  const tags = readTags(flags.tag ?? []);
  const db = ctx.db();
  const deal = resolveDeal(db, ref ?? '');
  const entry = inTransaction(db, () => insertJournal(db, deal.id, ctx.now, text, tags));
  return {
    json: { id: entry.id, deal_id: entry.deal_id, at: instant(entry.at, ctx.zone), text: entry.text, tags: journalTags(entry) } satisfies LogJson,
    text(view) {
      const c = paint(view);
      const tagged = tags.length ? ` ${c.dim(tags.map((t) => `#${safe(t)}`).join(' '))}` : '';
      return `${c.green('Logged')} on ${dealLabel(deal)} at ${when(entry.at, view)}: ${safe(text)}${tagged}\n`;
    },
  };
}

/** Tags as given, without a leading '#', each once; an empty or overlong tag is refused. */
function readTags(given: string[]): string[] {
  const tags: string[] = [];
  for (const raw of given) {
    const tag = raw.trim().replace(/^#/, '');
    if (!tag) throw new UsageError("--tag is empty: give a word, e.g. --tag pricing");
    if (tag.length > MAX_TAG) throw new UsageError(`a --tag is ${tag.length} characters long: at most ${MAX_TAG} are allowed`);
    if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
