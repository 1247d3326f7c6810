// close on a terminal: the revisit date is asked for, and a lost deal offers the post-mortem.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/main.js';
import { book, NOW, ZONE } from './deals-fixture.js';

const prompts = vi.hoisted(() => ({ input: vi.fn(), confirm: vi.fn() }));
const postmortem = vi.hoisted(() => ({ record: vi.fn() }));
vi.mock('@inquirer/prompts', () => prompts);
vi.mock('../../src/commands/postmortem.js', () => postmortem);

async function runOnTerminal(h: Awaited<ReturnType<typeof book>>, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    env: { SALESCTL_NOW: NOW, NO_COLOR: '1' },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    isTTY: true,
    interactive: true,
    database: h.db,
    zone: ZONE,
  });
  return { code, stdout, stderr };
}

describe('salesctl close on a terminal', () => {
  beforeEach(() => {
    prompts.input.mockReset();
    prompts.confirm.mockReset();
    postmortem.record.mockReset();
  });

  it('asks when to revisit when --revisit is missing', async () => {
    const h = await book();
    prompts.input.mockResolvedValue('2027-01-15');
    const r = await runOnTerminal(h, ['close', '3', 'not-now']);
    expect(r.code).toBe(0);
    expect(prompts.input).toHaveBeenCalledTimes(1);
    expect(prompts.input.mock.calls[0]![0].message).toBe('When did Carl agree to hear from you again?');
    expect(h.db.prepare('SELECT due_at, purpose FROM followups WHERE deal_id = 3').get()).toEqual({ due_at: '2027-01-15T02:00:00.000Z', purpose: 'nurture' });
  });

  it('lost: shows the closing, then runs the post-mortem when the salesperson says yes', async () => {
    const h = await book();
    prompts.confirm.mockResolvedValue(true);
    postmortem.record.mockResolvedValue({ json: {}, text: () => 'Post-mortem #1 saved\n' });
    const r = await runOnTerminal(h, ['close', '2', 'lost']);
    expect(r).toEqual({
      code: 0,
      stdout: 'Lost #2 Acme — Ana Lima (Acme). No scheduled follow-ups to cancel.\nPost-mortem #1 saved\n',
      stderr: 'hint: write the post-mortem while it is fresh: salesctl postmortem 2\n',
    });
    expect(prompts.confirm.mock.calls[0]![0].message).toBe('Write the post-mortem now?');
    expect(postmortem.record.mock.calls[0]!.slice(1)).toEqual([['2'], {}]);
  });

  it('lost: saying no prints the closing once and nothing else', async () => {
    const h = await book();
    prompts.confirm.mockResolvedValue(false);
    const r = await runOnTerminal(h, ['close', '2', 'lost']);
    expect(r.stdout).toBe('Lost #2 Acme — Ana Lima (Acme). No scheduled follow-ups to cancel.\n');
    expect(postmortem.record).not.toHaveBeenCalled();
  });

  it('lost: Ctrl-C at the question keeps the closing and exits 0', async () => {
    const h = await book();
    prompts.confirm.mockRejectedValue(Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }));
    const r = await runOnTerminal(h, ['close', '2', 'lost']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Lost #2 Acme — Ana Lima (Acme). No scheduled follow-ups to cancel.\n');
    expect(h.db.prepare('SELECT status FROM deals WHERE id = 2').get()).toEqual({ status: 'lost' });
  });

  it('lost: Ctrl-C inside the post-mortem questions says the deal stays closed, and exits 0', async () => {
    const h = await book();
    prompts.confirm.mockResolvedValue(true);
    postmortem.record.mockRejectedValue(Object.assign(new Error('User force closed the prompt'), { name: 'ExitPromptError' }));
    const r = await runOnTerminal(h, ['close', '2', 'lost']);
    expect(r).toEqual({
      code: 0,
      stdout: 'Lost #2 Acme — Ana Lima (Acme). No scheduled follow-ups to cancel.\n',
      stderr:
        'hint: write the post-mortem while it is fresh: salesctl postmortem 2\n' +
        'hint: post-mortem cancelled; the deal stays closed as lost. Write it later: salesctl postmortem 2\n',
    });
    expect(h.db.prepare('SELECT status FROM deals WHERE id = 2').get()).toEqual({ status: 'lost' });
  });

  it('lost --json never prompts: one JSON document', async () => {
    const h = await book();
    const r = await runOnTerminal(h, ['close', '2', 'lost', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 2, status: 'lost', revisit_followup: null });
    expect(prompts.confirm).not.toHaveBeenCalled();
  });
});
