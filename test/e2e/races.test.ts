// No write acts on a state that changed after it was read: each race with two real processes. The first
// salesctl reads the state, then waits (at a prompt on a real terminal, or on the write lock a second
// process holds); the second changes the state; the first must refuse with exit 2, one line, nothing saved.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../helpers.js';
import { tempCli, type Cli } from './helpers.js';
import { canWatchLocks, hasTmux, shellLine, spawnBin, Tmux, waitingOnLock } from './pty.js';

const NOW = '2026-11-23T08:30:00+07:00';
const TZ = 'Asia/Jakarta';
/** A follow-up time later on NOW's day. */
const TODAY = '2026-11-23 10:00';

let cli: Cli;
let tmux: Tmux;
let deals = 0;

beforeAll(() => {
  cli = tempCli(NOW, TZ);
  tmux = new Tmux();
});
afterAll(() => {
  if (hasTmux) tmux?.kill();
  cli?.cleanup();
});

/**
 * A new open deal with one scheduled follow-up (due tomorrow unless `at` says otherwise) and one pending
 * commitment; returns their ids.
 */
function story(at = '2026-11-24 10:00'): { deal: number; followup: number; commitment: number } {
  const deal = ++deals;
  expect(cli.run(['add', `Prospect ${deal}`, '--company', `Company ${deal}`]).code).toBe(0);
  const followup = JSON.parse(cli.run(['followup', String(deal), '--at', at, '--json']).stdout).id;
  const commitment = JSON.parse(cli.run(['commit', String(deal), 'low', 'decide soon', '--json']).stdout).id;
  return { deal, followup, commitment };
}

/** Everything in the database, to show that the refused write left no trace. */
const everything = () => cli.run(['export', 'all', '--format', 'json']).stdout;

function read<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(cli.dbPath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

describe.skipIf(!hasTmux)('a prompt waits while another process changes the state', { timeout: 60_000 }, () => {
  /** Starts `args` on a terminal, waits for `prompt`, runs `other` as a second salesctl, then types `answer`. */
  async function race(args: string[], prompt: string, other: string[], answer: (session: string) => void) {
    const session = tmux.start(shellLine(cli, args, NOW, TZ));
    await tmux.waitFor(session, prompt);
    const second = cli.run(other);
    expect(second).toMatchObject({ code: 0 });
    const before = everything();
    answer(session);
    const { code, screen } = await tmux.exitCode(session);
    expect(everything()).toBe(before);
    return { code, screen };
  }

  it('followup done waits for its outcome while another process cancels the follow-up', async () => {
    // due today: completing one due on a later day is first confirmed (a slip of ids), a prompt of its own
    const { followup } = story(TODAY);
    const ended = await race(['followup', 'done', String(followup), '--next', '+1w'], '? What happened?', ['followup', 'cancel', String(followup)], (session) => tmux.keys(session, 'Enter'),
    );
    expect(ended.code).toBe(2);
    expect(ended.screen).toContain(`salesctl: follow-up #${followup} was cancelled meanwhile: nothing was recorded`);
    expect(read('SELECT status, outcome FROM followups WHERE id = ?', followup)).toEqual({ status: 'cancelled', outcome: null });
  });

  it('followup done of a follow-up due on a later day waits at its confirmation while another process cancels it', async () => {
    const { deal, followup } = story();
    const ended = await race(['followup', 'done', String(followup), '--outcome', 'reached', '--next', '+1w'], `? Complete follow-up #${followup} anyway?`, ['followup', 'cancel', String(followup)], (session) => tmux.answer(session, 'y'),
    );
    expect(ended.code).toBe(2);
    // the warning the question is about was shown above it, once
    const warning = `warning: follow-up #${followup} is Prospect ${deal} (Company ${deal})'s, due Tue 24 Nov, not today`;
    expect(ended.screen.split(warning)).toHaveLength(2);
    expect(ended.screen.indexOf(warning)).toBeLessThan(ended.screen.indexOf(`Complete follow-up #${followup} anyway?`));
    expect(ended.screen).toContain(`salesctl: follow-up #${followup} was cancelled meanwhile: nothing was recorded`);
    expect(read('SELECT status, outcome FROM followups WHERE id = ?', followup)).toEqual({ status: 'cancelled', outcome: null });
  });

  it('followup reschedule waits for its time while another process completes the follow-up', async () => {
    const { followup } = story();
    const ended = await race(['followup', 'reschedule', String(followup)], '? When?', ['followup', 'done', String(followup), '--outcome', 'reached'], (session) => tmux.answer(session, 'tomorrow 2pm'),
    );
    expect(ended.code).toBe(2);
    expect(ended.screen).toContain(`salesctl: follow-up #${followup} was completed (reached) meanwhile: nothing was recorded`);
    expect(read('SELECT due_at FROM followups WHERE id = ?', followup)).toEqual({ due_at: '2026-11-24T03:00:00.000Z' });
  });

  it('followup <deal> waits for its time while another process closes the deal as won', async () => {
    const { deal } = story();
    const ended = await race(['followup', String(deal)], '? When?', ['close', String(deal), 'won'], (session) => tmux.answer(session, 'tomorrow 2pm'));
    expect(ended.code).toBe(2);
    expect(ended.screen).toContain(`salesctl: deal #${deal} was closed as won meanwhile: nothing was recorded`);
  });

  it('close not-now waits for the revisit date while another process closes the deal as won', async () => {
    const { deal } = story();
    const ended = await race(['close', String(deal), 'not-now'], 'agree to hear from you again?', ['close', String(deal), 'won'], (session) => tmux.answer(session, '+3m'),
    );
    expect(ended.code).toBe(2);
    expect(ended.screen).toContain(`salesctl: deal #${deal} was closed as won meanwhile: nothing was recorded`);
    expect(read("SELECT count(*) AS n FROM followups WHERE deal_id = ? AND purpose = 'nurture'", deal)).toEqual({ n: 0 });
  });

  it('commit firm waits for its date while another process closes the deal as lost', async () => {
    const { deal } = story();
    const ended = await race(['commit', String(deal), 'firm', 'sign'], '? A firm commitment has a date', ['close', String(deal), 'lost'], (session) => tmux.answer(session, '2026-12-15'),
    );
    expect(ended.code).toBe(2);
    expect(ended.screen).toContain(`salesctl: deal #${deal} was closed as lost meanwhile: nothing was recorded`);
  });
});

describe.skipIf(!canWatchLocks)('a write waits on the lock another process holds while it changes the state', { timeout: 60_000 }, () => {
  /**
   * Holds the write lock (BEGIN IMMEDIATE, as salesctl's writes do) while `args` starts, reads, and blocks on
   * it; then changes the state with `change`, commits, and returns how `args` ended.
   */
  async function hold(args: string[], change: string, ...params: unknown[]) {
    const holder = new Database(cli.dbPath);
    holder.pragma('busy_timeout = 10000');
    holder.exec('BEGIN IMMEDIATE');
    let waiting;
    try {
      waiting = spawnBin(cli, args, NOW, TZ, { SALESCTL_BUSY_TIMEOUT_MS: '30000' });
      await waitingOnLock(waiting.pid);
      holder.prepare(change).run(...params);
      holder.exec('COMMIT');
    } finally {
      if (holder.inTransaction) holder.exec('ROLLBACK');
      holder.close();
    }
    return waiting.done;
  }

  /** hold(), and the waiting command must have written nothing: every salesctl write leaves an event, the holder's change none. */
  async function race(args: string[], change: string, ...params: unknown[]) {
    const events = () => read<{ n: number }>('SELECT count(*) AS n FROM events').n;
    const before = events();
    const result = await hold(args, change, ...params);
    expect(events()).toBe(before);
    return result;
  }

  it('followup cancel, while the follow-up is completed', async () => {
    const { followup } = story();
    const result = await race(['followup', 'cancel', String(followup)], "UPDATE followups SET status = 'done', outcome = 'voicemail' WHERE id = ?", followup);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `salesctl: follow-up #${followup} was completed (voicemail) meanwhile: nothing was recorded\n` });
  });

  it('followup done, while the follow-up is cancelled', async () => {
    // due today: one due on a later day would add a warning line about the day to the refusal
    const { followup } = story(TODAY);
    const result = await race(['followup', 'done', String(followup), '--outcome', 'reached'], "UPDATE followups SET status = 'cancelled' WHERE id = ?", followup);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `salesctl: follow-up #${followup} was cancelled meanwhile: nothing was recorded\n` });
  });

  it('commit kept, while the commitment is marked broken', async () => {
    const { commitment } = story();
    const result = await race(['commit', 'kept', String(commitment)], "UPDATE commitments SET status = 'broken' WHERE id = ?", commitment);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `salesctl: commitment #${commitment} was marked broken meanwhile: nothing was recorded\n` });
  });

  it('commit broken, while the commitment is marked kept', async () => {
    const { commitment } = story();
    const result = await race(['commit', 'broken', String(commitment)], "UPDATE commitments SET status = 'kept' WHERE id = ?", commitment);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `salesctl: commitment #${commitment} was marked kept meanwhile: nothing was recorded\n` });
  });

  it('close won, while the deal is closed as lost', async () => {
    const { deal, followup } = story();
    const result = await race(['close', String(deal), 'won'], "UPDATE deals SET status = 'lost' WHERE id = ?", deal);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `salesctl: deal #${deal} was closed as lost meanwhile: nothing was recorded\n` });
    // the follow-up close would have cancelled is still scheduled: the whole write rolled back
    expect(read('SELECT status FROM followups WHERE id = ?', followup)).toEqual({ status: 'scheduled' });
  });

  it('import of a CSV, while another process adds a prospect the file names (it would be made twice)', async () => {
    const file = join(cli.dir, 'leads.csv');
    writeFileSync(file, 'Name,Company,Deal value\nRina Wijaya,Acme,5000\nTomo Hadi,Hadi Jaya,7000\n');
    const result = await race(['import', file], "INSERT INTO prospects (name, company, created_at) VALUES ('Rina Wijaya', 'Acme', '2026-11-23T01:30:00.000Z')");
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: the prospects of leads.csv were changed by another salesctl meanwhile: nothing was imported; run the import again\n',
    });
    expect(read("SELECT count(*) AS n FROM prospects WHERE name IN ('Rina Wijaya', 'Tomo Hadi')")).toEqual({ n: 1 });
  });

  it('import of a CSV, while another process opens the deal a row names (it would be a double)', async () => {
    const { deal } = story();
    const prospect = read<{ prospect_id: number }>('SELECT prospect_id FROM deals WHERE id = ?', deal).prospect_id;
    const file = join(cli.dir, 'renewals.csv');
    writeFileSync(file, `Name,Company,Deal\nProspect ${deal},Company ${deal},Renewal\n`);
    const result = await race(['import', file], "INSERT INTO deals (prospect_id, title, status, created_at) VALUES (?, 'renewal', 'open', '2026-11-23T01:30:00.000Z')", prospect);
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: 'salesctl: renewals.csv: 1 row now matches a deal opened meanwhile; nothing was imported: import again\n',
    });
    expect(read("SELECT count(*) AS n FROM deals WHERE prospect_id = ? AND title = 'Renewal'", prospect)).toEqual({ n: 0 });
  });

  it('import of a CSV goes ahead when another process wrote something else meanwhile', async () => {
    const file = join(cli.dir, 'more.csv');
    writeFileSync(file, 'Name,Company,Deal value\nSari Dewi,Dewi Co,3000\n');
    const { deal } = story();
    const result = await hold(['import', file], "UPDATE deals SET stage = 'demo' WHERE id = ?", deal);
    expect(result).toMatchObject({ code: 0, stdout: 'Imported 1 deal for 1 new prospect from more.csv\n' });
    expect(read("SELECT count(*) AS n FROM prospects WHERE name = 'Sari Dewi'")).toEqual({ n: 1 });
  });

  it('postmortem (its outcome read from the deal), while the deal is closed as lost', async () => {
    const { deal } = story();
    const result = await race(['postmortem', String(deal), '--cause', 'timing', '--lesson', 'ask earlier'], "UPDATE deals SET status = 'lost' WHERE id = ?", deal);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `salesctl: deal #${deal} was closed as lost meanwhile: nothing was recorded\n` });
  });

  it('restore of a dump, while another process adds a deal to the empty database', async () => {
    const dump = join(cli.dir, 'dump.json');
    writeFileSync(dump, cli.run(['export', 'all', '--format', 'json']).stdout);
    const empty = tempCli(NOW, TZ);
    try {
      expect(empty.run(['list'])).toMatchObject({ code: 0, stdout: '' }); // creates the database, with no records
      const previous = cli;
      cli = empty;
      try {
        const result = await race(['import', dump], "INSERT INTO prospects (name, company, created_at) VALUES ('Early Bird', '', '2026-11-23T01:30:00.000Z')");
        expect(result).toEqual({
          code: 2,
          stdout: '',
          stderr: 'salesctl: the database got records meanwhile (another salesctl wrote to it): nothing of dump.json was restored\n',
        });
        expect(read('SELECT count(*) AS n FROM prospects')).toEqual({ n: 1 });
      } finally {
        cli = previous;
      }
    } finally {
      empty.cleanup();
    }
  });
});
