// SQL that restates the CSV cell rule for speed, held equal to the rule (core/csvCell.ts).
import { describe, expect, it } from 'vitest';
import { csvCell, flagCell } from '../../src/core/csvCell.js';
import { CHANNELS, FOLLOWUP_STATUSES, PURPOSES } from '../../src/core/vocab.js';
import { FOLLOWUP_WORD_CELLS } from '../../src/db/exportQueries.js';
import { harness } from '../helpers.js';

describe('FOLLOWUP_WORD_CELLS', () => {
  it('joins the five cells the cell rule makes, for every word the schema allows', async () => {
    const h = harness();
    expect((await h.run(['add', 'Budi Santoso', '--deal', 'Fleet'])).code).toBe(0);
    const insert = h.db.prepare(
      "INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, created_at) VALUES (1, '2026-11-23T03:00:00.000Z', ?, ?, ?, ?, '2026-11-22T08:00:00.000Z')",
    );
    const expected: string[] = [];
    for (const channel of CHANNELS) for (const purpose of PURPOSES) for (const agreed of [0, 1]) for (const status of FOLLOWUP_STATUSES) {
      insert.run(channel, purpose, agreed, status);
      expected.push([csvCell(channel), csvCell(purpose), flagCell(purpose === 'closure'), flagCell(agreed), csvCell(status)].join(','));
    }
    expect(h.db.prepare(`SELECT ${FOLLOWUP_WORD_CELLS} FROM followups x ORDER BY x.id`).pluck().all()).toEqual(expected);
  });
});
