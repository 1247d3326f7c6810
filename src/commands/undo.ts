// `salesctl undo [change]`: reverts the last change (or the one named), after showing it and asking on a
// terminal; `undo --yes` in scripts. `undo --list`: the recent changes that can be reverted, newest first.
import type { UndoFlags } from '../cli.js';
import { prompts, type Context } from '../context.js';
import { UsageError } from '../errors.js';
import { recordIdDigits } from '../core/recordId.js';
import { inTransaction } from '../db/transaction.js';
import { getChange, laterConflict, recentChanges, revertChange, type ChangeRow } from '../db/undoLog.js';
import { instant, when } from '../render/instant.js';
import type { Result } from '../render/result.js';
import { paint, safe, table } from '../render/text.js';

const changeJson = (change: ChangeRow, zone: string) => ({ id: change.id, at: instant(change.at, zone), description: change.description });

export async function run(ctx: Context, [which]: string[], flags: UndoFlags): Promise<Result> {
  const db = ctx.db();
  if (flags.list) {
    if (which !== undefined) throw new UsageError(`--list takes no change id: salesctl undo --list, then salesctl undo <id>`);
    const changes = recentChanges(db);
    return {
      json: changes.map((c) => changeJson(c, ctx.zone)),
      text(view) {
        if (!changes.length) return view.isTTY ? 'Nothing to undo.\n' : '';
        // Fitted to the terminal: the description is cut with '…' rather than wrapped.
        const rows = changes.map((c) => [String(c.id), when(c.at, view), safe(c.description)]);
        const widest = (i: number, head: string) => Math.max(head.length, ...rows.map((r) => r[i]!.length));
        const room = view.isTTY ? Math.max(20, (view.width ?? 80) - widest(0, 'Id') - widest(1, 'When') - 4) : Infinity;
        return table(view, ['Id', 'When', 'Change'], rows.map(([id, at, text]) => [id, at, text!.length > room ? `${text!.slice(0, room - 1)}…` : text]));
      },
      csv: async () => (await import('../render/csv.js')).csv(['id', 'at', 'description'], changes.map((c) => [c.id, instant(c.at, ctx.zone), c.description])),
    };
  }
  let id: number;
  if (which !== undefined) {
    const text = recordIdDigits(which);
    if (text === undefined) throw new UsageError(`'${which}' is not a change id: give a number from salesctl undo --list`);
    id = Number(text);
  } else {
    const last = recentChanges(db, 1)[0];
    if (!last) throw new UsageError('nothing to undo: no change is recorded in this database');
    id = last.id;
  }
  const target = getChange(db, id);
  if (!target) throw new UsageError(`no change #${id} can be undone: run 'salesctl undo --list' to see the recent ones`);
  if (!flags.yes) {
    if (!ctx.interactive) throw new UsageError(`undo needs --yes when not on a terminal: salesctl undo${which !== undefined ? ` ${id}` : ''} --yes would revert change #${id} (${target.description})`);
    // Said before asking: a refusal is better now than after a yes.
    const conflict = laterConflict(db, id);
    if (!conflict) {
      ctx.stderr.write(`Will revert change #${id} of ${when(target.at, { isTTY: true, color: false, now: ctx.now, zone: ctx.zone })}: ${safe(target.description)}\n`);
      const { confirm } = await prompts(ctx);
      if (!(await confirm({ message: 'Revert it?', default: false }))) {
        return { json: null, text: () => 'Nothing was changed.\n' };
      }
    }
  }
  const undone = inTransaction(db, () => revertChange(db, id));
  return {
    json: { undone: changeJson(undone, ctx.zone) },
    text(view) {
      const c = paint(view);
      return `${c.green('Undone')} change #${undone.id}: ${safe(undone.description)}\n`;
    },
  };
}
