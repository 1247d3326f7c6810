// One case rule for names, on the built binary: add reuses 'élise' for 'ÉLISE' at 'PT ÄRZTE', and refuses
// the twin of an open deal whose title differs in the case of a letter beyond ASCII.
import { describe, expect, it } from 'vitest';
import { cliPerTest } from './helpers.js';

const cli = cliPerTest('2026-11-23T01:30:00Z');

describe('add on the built binary', () => {
  it("takes 'ÉLISE' at 'pt ÄRZTE' for 'élise' at 'PT Ärzte', and refuses a twin 'KLINIK ÜBER'", () => {
    const c = cli();
    expect(c.run(['add', 'élise', '--company', 'PT Ärzte', '--deal', 'Klinik Über']).code).toBe(0);
    const again = c.run(['add', 'ÉLISE', '--company', 'pt ÄRZTE', '--deal', 'Neu', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).prospect).toMatchObject({ id: 1, name: 'élise', company: 'PT Ärzte', reused: true });
    expect(c.run(['add', 'ÉLISE', '--company', 'PT ÄRZTE', '--deal', 'KLINIK ÜBER'])).toEqual({
      code: 2,
      stdout: '',
      stderr: "salesctl: élise already has open deal #1 'KLINIK ÜBER': add --allow-duplicate to add another, or --deal '<another title>'\n",
    });
    const other = c.run(['add', 'Elise', '--company', 'PT Arzte', '--json']);
    expect(JSON.parse(other.stdout).prospect).toMatchObject({ id: 2, reused: false });
    const listed = JSON.parse(c.run(['export', 'all', '--format', 'json']).stdout);
    expect(listed.prospects.map((p: { id: number; name: string }) => [p.id, p.name])).toEqual([[1, 'élise'], [2, 'Elise']]);
    expect(listed.deals.map((d: { id: number; title: string }) => [d.id, d.title])).toEqual([[1, 'Klinik Über'], [2, 'Neu'], [3, 'PT Arzte']]);
  });
});
