// Which deal or prospect a typed argument means (db/which.ts): every message and exit code of both, and
// names beyond ASCII in any letter case (core/nameKey.ts).
import { describe, expect, it } from 'vitest';
import { harness } from '../helpers.js';

async function book() {
  const h = harness();
  for (const [name, company, deal] of [['Ömer Yılmaz', 'PT Ärzte', 'Klinik'], ['ÉLISE Durand', 'Maison', 'Fleet'], ['Elise Tan', 'Maison', 'Trucks']]) {
    expect((await h.run(['add', name!, '--company', company!, '--deal', deal!])).code).toBe(0);
  }
  return h;
}

const id = (stdout: string) => (JSON.parse(stdout) as { id: number }).id;

describe('which deal', () => {
  it.each([
    ['ömer', 1],
    ['ÖMER', 1],
    ['pt ärzte', 1],
    ['élise durand', 2],
    ['#3', 3],
    [' 002 ', 2],
  ])('show %j finds deal %i', async (ref, expected) => {
    const h = await book();
    const r = await h.run(['show', ref, '--json']);
    expect([r.code, r.stderr, id(r.stdout)]).toEqual([0, '', expected]);
  });

  it.each([
    ['#007', 3, "salesctl: no deal with id 007: run 'salesctl list' to see the deals\n"],
    ['  ', 3, "salesctl: no deal named '': give a deal id or a name, company or title\n"],
    ['ärzte gmbh', 3, "salesctl: no deal matches 'ärzte gmbh': run 'salesctl list --status all' to see the deals\n"],
    ['MAISON', 3, "salesctl: 'MAISON' matches 2 deals: give the deal id\n  #2 ÉLISE Durand (Maison) — Fleet [open]\n  #3 Elise Tan (Maison) — Trucks [open]\n"],
  ])('show %j: exit %i', async (ref, code, stderr) => {
    const h = await book();
    expect(await h.run(['show', ref])).toEqual({ code, stdout: '', stderr });
  });
});

describe('which prospect', () => {
  it.each([
    ['ömer', 0, ''],
    ['ÉLISE', 0, ''], // 'é' is not 'e': Elise Tan is not meant
    ['#9', 3, "salesctl: no prospect with id 9: run 'salesctl list --status all' to see them\n"],
    ['', 3, "salesctl: no prospect matches '': run 'salesctl list --status all' to see them\n"],
    ['maison', 3, "salesctl: 'maison' matches 2 prospects: give the prospect id (#N) or more of the name\n  #2 ÉLISE Durand (Maison)\n  #3 Elise Tan (Maison)\n"],
  ])('stats reach --prospect %j: exit %i', async (ref, code, stderr) => {
    const h = await book();
    const r = await h.run(['stats', 'reach', '--prospect', ref]);
    expect([r.code, r.stderr]).toEqual([code, stderr]);
  });
});
