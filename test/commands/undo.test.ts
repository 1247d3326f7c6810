import { describe, expect, it } from 'vitest';
import { harness } from '../helpers.js';

describe('salesctl undo --list', () => {
  it('lists the recent changes newest first: a table fitted to the terminal, TSV in a pipe, JSON', async () => {
    const h = harness('2026-11-23T01:30:00Z', 'Asia/Jakarta');
    expect((await h.run(['undo', '--list'], { tty: true })).stdout).toBe('Nothing to undo.\n');
    await h.run(['add', 'Budi Santoso', '--company', 'PT Maju Sejahtera Abadi']);
    await h.run(['followup', '1', '--at', 'tomorrow 10am'], { now: '2026-11-23T02:00:00Z' });
    expect((await h.run(['undo', '--list'], { tty: true, env: { COLUMNS: '60' } })).stdout).toBe(
      // 60 columns: the description is cut, not wrapped.
      'Id  When              Change\n' +
        '2   Mon 23 Nov 09:00  #1 PT Maju Sejahtera Abadi — Budi San…\n' +
        '1   Mon 23 Nov 08:30  #1 PT Maju Sejahtera Abadi — Budi San…\n',
    );
    expect((await h.run(['undo', '--list'])).stdout).toBe(
      '2\t2026-11-23T09:00:00+07:00\t#1 PT Maju Sejahtera Abadi — Budi Santoso: follow-up #1 scheduled\n' +
        '1\t2026-11-23T08:30:00+07:00\t#1 PT Maju Sejahtera Abadi — Budi Santoso: deal added; new prospect Budi Santoso (PT Maju Sejahtera Abadi)\n',
    );
    expect(JSON.parse((await h.run(['undo', '--list', '--json'])).stdout)[0]).toEqual({
      id: 2, at: '2026-11-23T09:00:00+07:00', description: '#1 PT Maju Sejahtera Abadi — Budi Santoso: follow-up #1 scheduled',
    });
    expect((await h.run(['undo', '--list', '--csv'])).stdout.split('\n')[0]).toBe('id,at,description');
    expect(await h.run(['undo', '2', '--list'])).toEqual({ code: 2, stdout: '', stderr: 'salesctl: --list takes no change id: salesctl undo --list, then salesctl undo <id>\n' });
  });
});
