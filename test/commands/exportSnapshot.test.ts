// `export all` is a backup: every table of the dump is read in one snapshot, so a change another salesctl
// commits while the dump is being written (between its tables) is in none of them or, had it come first, all.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { insertDeal } from '../../src/db/deals.js';
import { insertProspect } from '../../src/db/prospects.js';
import { inTransaction } from '../../src/db/transaction.js';
import { runCli } from '../../src/main.js';
import { runOnFile, tempFiles } from '../helpers.js';

const NOW = '2026-11-22T08:00:00Z';
const NO_DETAILS = { role: null, email: null, phone: null, decision_maker: null, segment: null, tz: null, best_time_start: null, best_time_end: null, channel: null, notes: null };

describe('export all while another salesctl writes', () => {
  const files = tempFiles('salesctl-dump-snapshot-', 'leads');

  it('dumps the database as it was when the dump began', async () => {
    const db = join(files.dir, 'sales.db');
    // Enough prospects that the dump's first table alone fills the first chunk written out (64 KB).
    const rows = Array.from({ length: 1500 }, (_, i) => `Lead ${i},Company ${i},Deal ${i},${1000 + i}`);
    expect((await runOnFile(db, ['import', files.file(['Name,Company,Deal,Value', ...rows].join('\n'))])).code).toBe(0);
    const before = await runOnFile(db, ['export', 'all', '--format', 'json'], { now: NOW });
    expect(before.code).toBe(0);

    const other = openDatabase(db);
    let wrote = false;
    let stdout = '';
    const code = await runCli(['--db', db, 'export', 'all', '--format', 'json'], {
      env: { SALESCTL_NOW: NOW, NO_COLOR: '1' },
      stdout: {
        write(text: string) {
          stdout += text;
          if (wrote) return;
          // Mid-dump: the prospects are being written, the deals and the event log are still to come.
          inTransaction(other, () => {
            const prospect = insertProspect(other, { ...NO_DETAILS, name: 'Late Lead', company: 'Meanwhile Co' }, new Date(NOW));
            insertDeal(other, { prospect_id: prospect.id, title: 'Written during the dump', value_minor: null, currency: null, stage: null }, new Date(NOW));
          });
          wrote = true;
        },
      },
      stderr: { write: () => undefined },
      isTTY: false,
      interactive: false,
      zone: 'UTC',
    });
    other.close();
    expect(code).toBe(0);
    expect(wrote).toBe(true);
    expect(stdout.length).toBeGreaterThan(64 * 1024);
    expect(stdout).toBe(before.stdout);
    // The write itself happened: the next dump has it, in the prospects, the deals and the event log alike.
    const after = JSON.parse((await runOnFile(db, ['export', 'all', '--format', 'json'], { now: NOW })).stdout);
    expect(after.prospects.at(-1).name).toBe('Late Lead');
    expect(after.deals.at(-1).title).toBe('Written during the dump');
  });
});
