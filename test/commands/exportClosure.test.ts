import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { PURPOSES, isClosure } from '../../src/core/vocab.js';
import { harness } from '../helpers.js';

// The export reads `closure` from SQL (`purpose = 'closure'`, db/exportQueries.ts and db/exportFollowupRows.ts):
// for every purpose, it must say what core/vocab.ts isClosure says.
describe("the export's closure column and isClosure", () => {
  it('agree for every purpose, in JSON and CSV', async () => {
    const h = harness();
    expect((await h.run(['add', 'Ann', '--company', 'Acme'])).code).toBe(0);
    const insert = h.db.prepare("INSERT INTO followups (deal_id, due_at, channel, purpose, agreed, status, created_at) VALUES (1, '2026-11-23T03:00:00.000Z', 'call', ?, 0, 'scheduled', '2026-11-22T08:00:00.000Z')");
    for (const purpose of PURPOSES) insert.run(purpose);
    const json = JSON.parse((await h.run(['export', 'followups', '--format', 'json'])).stdout) as Array<{ purpose: string; closure: boolean }>;
    expect(json.map((f) => [f.purpose, f.closure])).toEqual(PURPOSES.map((p) => [p, isClosure(p)]));
    const csv = parse((await h.run(['export', 'followups', '--format', 'csv'])).stdout, { columns: true }) as Array<{ purpose: string; closure: string }>;
    expect(csv.map((f) => [f.purpose, f.closure])).toEqual(PURPOSES.map((p) => [p, String(isClosure(p))]));
  });
});
