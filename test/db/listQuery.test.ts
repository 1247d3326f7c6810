// `list` grows with what it prints: after importing 20,000 deals, each with a next follow-up, every lookup
// the listing makes per deal is a search by that deal's id, never a walk over all follow-ups or commitments.
// (The query it replaces read MIN(due_at) through followups_status_due: a search by status alone, which
// walked every scheduled follow-up for each deal, 55-60 s on this database.)
import { describe, expect, it } from 'vitest';
import { listDealsQuery, type DealOrder } from '../../src/db/dealViews.js';
import type { DealStatus } from '../../src/core/vocab.js';
import { harness, tempFiles } from '../helpers.js';

const { file } = tempFiles('salesctl-list-query-', 'leads');
const DEALS = 20_000;

function leads(): string {
  const rows = ['Name,Company,Deal,Amount,Next follow-up'];
  for (let i = 0; i < DEALS; i++) rows.push(`Lead ${i},Co ${i % 97},Deal ${i},${1000 + i},2026-12-${String(1 + (i % 28)).padStart(2, '0')} 10:00`);
  return `${rows.join('\n')}\n`;
}

describe('list on 20,000 imported deals', async () => {
  const h = harness('2026-11-22T08:00:00Z', 'UTC');
  const imported = await h.run(['import', file(leads()), '--json']);

  it('imported them all, each with its next follow-up', () => {
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ deals_created: DEALS, followups_created: DEALS });
  });

  it.each<[DealStatus[], DealOrder, number | undefined]>([
    [['open'], 'id', undefined],
    [['open', 'won', 'lost', 'not-now'], 'id', undefined],
    [['open'], 'activity', 30],
    [['open'], 'activity', undefined],
  ])('%j by %s (limit %s): each follow-up and commitment lookup is a search by deal id', (statuses, order, limit) => {
    const { sql, params } = listDealsQuery(statuses, order, limit);
    const plan = (h.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail);
    const lookups = plan.filter((detail) => /\b(f|c)\b/.test(detail) && /followups|commitments|SCAN (f|c)\b/.test(detail));
    expect(lookups.length).toBe(2);
    for (const detail of lookups) expect(detail).toMatch(/^SEARCH (f|c) USING (COVERING )?INDEX \w+ \(deal_id=\?/);
    // The deals are read once, and the prospects by their key.
    expect(plan.filter((detail) => /^SCAN/.test(detail)).every((detail) => /^SCAN d\b/.test(detail))).toBe(true);
  });

  it('prints every row in a pipe with its next follow-up, and a screenful on a terminal', async () => {
    const piped = await h.run(['list']);
    const lines = piped.stdout.split('\n').filter(Boolean);
    expect(lines.length).toBe(DEALS);
    expect(lines[0]).toBe('1\tLead 0\tCo 0\tDeal 0\t1,000.00 USD\topen\t2026-12-01T10:00:00+00:00\t');
    expect(lines[DEALS - 1]).toBe(`${DEALS}\tLead 19999\tCo 17\tDeal 19999\t20,999.00 USD\topen\t2026-12-08T10:00:00+00:00\t`);
    const screen = (await h.run(['list'], { tty: true })).stdout.split('\n');
    expect(screen.length).toBe(1 + 30 + 1 + 1);
    expect(screen[31]).toBe('… and 19,970 more: salesctl list --limit 120, --all, or through a pipe');
  });
});
