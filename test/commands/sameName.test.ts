// One case rule for names (core/nameKey.ts): add and import take 'ÉLISE' and 'élise', 'PT ÄRZTE' and
// 'PT Ärzte' for the same prospect, and a deal title beyond ASCII in another case for a twin, as they
// always did 'BUDI' and 'budi'. A database made before (holding both 'Ärzte' and 'ärzte') gives the oldest.
import { describe, expect, it } from 'vitest';
import { harness, snapshot, tempFiles } from '../helpers.js';

const NOW = '2026-11-23T08:30:00+07:00';
const ZONE = 'Asia/Jakarta';
const AT = '2026-11-20T01:00:00.000Z';
const { file } = tempFiles('salesctl-same-name-', 'rows');
const prospects = (h: ReturnType<typeof harness>) => h.db.prepare('SELECT id, name, company FROM prospects ORDER BY id').all();
const deals = (h: ReturnType<typeof harness>) => h.db.prepare('SELECT id, prospect_id, title, status FROM deals ORDER BY id').all();

describe('add', () => {
  it("reuses 'élise' for 'ÉLISE', at 'PT Ärzte' for 'pt ÄRZTE', and a different name stays another prospect", async () => {
    const h = harness(NOW, ZONE);
    expect((await h.run(['add', 'élise', '--company', 'PT Ärzte', '--deal', 'Klinik'])).code).toBe(0);
    const again = await h.run(['add', 'ÉLISE', '--company', 'pt ÄRZTE', '--deal', 'Second', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).prospect).toMatchObject({ id: 1, name: 'élise', company: 'PT Ärzte', reused: true });
    expect(again.stderr).toContain("warning: élise (PT Ärzte) exists and keeps name spelling 'élise' (not 'ÉLISE'), company spelling 'PT Ärzte' (not 'pt ÄRZTE')");
    const ascii = JSON.parse((await h.run(['add', 'Elise', '--company', 'PT Arzte', '--deal', 'Third', '--json'])).stdout);
    expect(ascii.prospect).toMatchObject({ id: 2, reused: false });
    const omer = JSON.parse((await h.run(['add', 'Ömer', '--company', 'PT Ärzte', '--json'])).stdout);
    expect(omer.prospect).toMatchObject({ id: 3, reused: false });
    expect(JSON.parse((await h.run(['add', 'ÖMER', '--company', 'pt ärzte', '--deal', 'B', '--json'])).stdout).prospect).toMatchObject({ id: 3, reused: true });
    expect(prospects(h)).toEqual([
      { id: 1, name: 'élise', company: 'PT Ärzte' },
      { id: 2, name: 'Elise', company: 'PT Arzte' },
      { id: 3, name: 'Ömer', company: 'PT Ärzte' },
    ]);
  });

  it('refuses a twin open deal whose title differs only in the case of a letter beyond ASCII', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Ömer', '--company', 'PT Ärzte', '--deal', 'Klinik Über']);
    const before = snapshot(h.db);
    expect(await h.run(['add', 'ömer', '--company', 'PT ÄRZTE', '--deal', 'KLINIK ÜBER'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "salesctl: Ömer already has open deal #1 'KLINIK ÜBER': add --allow-duplicate to add another, or --deal '<another title>'\n",
    });
    expect(snapshot(h.db)).toBe(before);
    // Another title (ASCII 'U' is not 'Ü') is no twin; --allow-duplicate adds the twin.
    expect((await h.run(['add', 'Ömer', '--company', 'PT Ärzte', '--deal', 'Klinik Uber'])).code).toBe(0);
    expect((await h.run(['add', 'Ömer', '--company', 'PT Ärzte', '--deal', 'klinik über', '--allow-duplicate'])).code).toBe(0);
    expect(deals(h)).toEqual([
      { id: 1, prospect_id: 1, title: 'Klinik Über', status: 'open' },
      { id: 2, prospect_id: 1, title: 'Klinik Uber', status: 'open' },
      { id: 3, prospect_id: 1, title: 'klinik über', status: 'open' },
    ]);
  });

  it("on a database holding both 'Ärzte' and 'ärzte' (made before the one rule), takes the oldest, and its oldest twin", async () => {
    const h = harness(NOW, ZONE);
    h.db.prepare("INSERT INTO prospects (id, name, company, created_at) VALUES (7, 'ärzte', 'x', @at), (5, 'Ärzte', 'X', @at), (9, 'ÄRZTE', 'x', @at)").run({ at: AT });
    h.db.prepare("INSERT INTO deals (id, prospect_id, title, status, created_at) VALUES (4, 5, 'ÜBER', 'open', @at), (3, 5, 'über', 'open', @at), (2, 5, 'Über', 'won', @at), (1, 7, 'über', 'open', @at)").run({ at: AT });
    const r = await h.run(['add', 'äRZTE', '--company', 'X', '--deal', 'Über']);
    expect(r.stderr).toBe("salesctl: Ärzte already has open deal #3 'Über': add --allow-duplicate to add another, or --deal '<another title>'\n");
    const added = JSON.parse((await h.run(['add', 'äRZTE', '--company', 'X', '--deal', 'Neu', '--json'])).stdout);
    expect(added.prospect).toMatchObject({ id: 5, name: 'Ärzte', reused: true });
  });
});

describe('import', () => {
  it('reuses an existing prospect beyond ASCII named in another case, and skips its open deal of that title', async () => {
    const h = harness(NOW, ZONE);
    await h.run(['add', 'Élise Durand', '--company', 'PT Ärzte', '--deal', 'Klinik Über']);
    const csv = 'Name,Company,Deal\nÉLISE DURAND,pt ÄRZTE,KLINIK ÜBER\nélise durand,PT ärzte,Neu\nElise Durand,PT Arzte,Neu\n';
    const r = await h.run(['import', file(csv, 'e.csv')]);
    expect(r).toEqual({
      code: 0,
      stdout: 'Imported 2 deals for 1 new prospect (and 1 existing prospect) from e.csv; 1 row matching open deals skipped\n',
      stderr:
        "warning: e.csv line 2: ÉLISE DURAND already has the open deal #1 'KLINIK ÜBER': skipped (--update updates it)\n" +
        "hint: see them with 'salesctl list', and the follow-ups due with 'salesctl due'\n",
    });
    expect(prospects(h)).toEqual([
      { id: 1, name: 'Élise Durand', company: 'PT Ärzte' },
      { id: 2, name: 'Elise Durand', company: 'PT Arzte' },
    ]);
    expect(deals(h)).toEqual([
      { id: 1, prospect_id: 1, title: 'Klinik Über', status: 'open' },
      { id: 2, prospect_id: 1, title: 'Neu', status: 'open' },
      { id: 3, prospect_id: 2, title: 'Neu', status: 'open' },
    ]);
  });

  it("on a database holding both 'Ärzte' and 'ärzte', uses the oldest and its oldest open deal of the title", async () => {
    const h = harness(NOW, ZONE);
    h.db.prepare("INSERT INTO prospects (id, name, company, created_at) VALUES (7, 'ärzte', 'x', @at), (5, 'Ärzte', 'X', @at)").run({ at: AT });
    h.db.prepare("INSERT INTO deals (id, prospect_id, title, status, created_at) VALUES (4, 5, 'ÜBER', 'open', @at), (3, 5, 'über', 'open', @at), (1, 7, 'über', 'open', @at)").run({ at: AT });
    const r = await h.run(['import', file('Name,Company,Deal,Amount\nÄRZTE,x,Über,5\närzte,X,Neu,\n', 'o.csv'), '--update']);
    expect(r.stdout).toBe('Imported 1 deal for 0 new prospects (and 1 existing prospect) from o.csv; 1 row matching open deals updated\n');
    expect(r.stderr).toContain("warning: o.csv line 2: ÄRZTE already has the open deal #3 'Über': updated\n");
    expect(h.db.prepare('SELECT id, prospect_id, title, value_minor FROM deals ORDER BY id').all()).toEqual([
      { id: 1, prospect_id: 7, title: 'über', value_minor: null },
      { id: 3, prospect_id: 5, title: 'über', value_minor: 500 },
      { id: 4, prospect_id: 5, title: 'ÜBER', value_minor: null },
      { id: 5, prospect_id: 5, title: 'Neu', value_minor: null },
    ]);
  });
});
