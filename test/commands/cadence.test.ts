import { describe, expect, it } from 'vitest';
import { harness } from '../helpers.js';

describe('the rhythm shows where the salesperson looks', () => {
  it('due marks a follow-up of a deal with a rhythm; show names it; reopen says it goes on', async () => {
    const h = harness('2026-11-23T01:30:00Z', 'Asia/Jakarta');
    await h.run(['add', 'Hans', '--company', 'Acme', '--tz', 'Europe/Berlin', '--best-time', '10:00-12:00']);
    expect((await h.run(['close', '1', 'not-now', '--every', '2w'])).code).toBe(0);
    const due = await h.run(['due', '--until', '+3w'], { tty: true, env: { COLUMNS: '150' } });
    expect(due.stdout).toContain('nurture ↻ 2w');
    expect(due.stdout).toMatch(/Mon 7 Dec 16:00/);
    const shown = await h.run(['show', '1'], { tty: true });
    expect(shown.stdout.split('\n')[0]).toBe('#1 Acme — Hans (Acme) · not-now · keeps in touch every 2 weeks');
    expect(JSON.parse((await h.run(['show', '1', '--json'])).stdout).cadence).toBe('2w');
    expect((await h.run(['reopen', '1'])).stdout).toBe(
      'Reopened #1 Acme — Hans (Acme) (was not-now). Next step: nurture call #1 on 2026-12-07T16:00:00+07:00. Still keeping in touch every 2 weeks (salesctl cadence 1 off to stop).\n',
    );
    expect((await h.run(['cadence', 'Hans', 'off'])).stdout).toBe('#1 Acme — Hans (Acme) has no rhythm; next: nurture call #1 on 2026-12-07T16:00:00+07:00\n');
    expect(await h.run(['cadence', '9', '2w'])).toEqual({ code: 3, stdout: '', stderr: "salesctl: no deal with id 9: run 'salesctl list' to see the deals\n" });
  });
});
