// Clear verdicts on the environment and the arguments, through the built binary (issue 14, and issue 10's
// unknown TZ): a TZ salesctl cannot use is never silently UTC, SALESCTL_NOW is a full instant with a zone,
// and an argument that is not UTF-8 text is refused.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, cliPerTest } from './helpers.js';

const NOW = '2026-11-23T08:30:00+07:00';
const cli = cliPerTest(NOW);

/** Schedules "tomorrow 10am" for a new deal under `tz` and returns the stored due_at and stderr. */
function tomorrowAt10(tz: string): { due: string; stderr: string } {
  const c = cli(tz);
  expect(c.run(['add', 'Budi', '--deal', 'Laptops']).code).toBe(0);
  const r = c.run(['followup', '1', '--at', 'tomorrow 10am', '--json']);
  expect(r.code, r.stderr).toBe(0);
  return { due: JSON.parse(r.stdout).due_at, stderr: r.stderr };
}

describe('TZ', () => {
  it.each([
    // A POSIX rule of whole hours is that fixed zone: UTC+5 is five hours WEST of UTC (POSIX counts west).
    ['UTC+5', '2026-11-23T10:00:00-05:00', ''],
    ['<+07>-7', '2026-11-24T10:00:00+07:00', ''],
    [':Asia/Jakarta', '2026-11-24T10:00:00+07:00', ''],
    ['Asia/Jakarta', '2026-11-24T10:00:00+07:00', ''],
    ['Mars/Olympus', '2026-11-24T10:00:00+00:00', "warning: TZ='Mars/Olympus' is not a time zone this machine knows: set TZ to an IANA name such as Asia/Jakarta; using UTC\n"],
    ['UTC+5:30', '2026-11-24T10:00:00+00:00', "warning: TZ='UTC+5:30' is an offset salesctl cannot use: set TZ to an IANA name such as Asia/Kolkata; using UTC\n"],
    ['CET-1CEST,M3.5.0,M10.5.0/3', '2026-11-24T10:00:00+01:00', "warning: TZ='CET-1CEST,M3.5.0,M10.5.0/3' has daylight-saving rules salesctl cannot follow: set TZ to an IANA name such as Europe/Paris; using UTC+01:00 all year\n"],
  ])('TZ=%s: tomorrow 10am is %s, warned once when not usable as given', (tz, due, warning) => {
    const { due: got, stderr } = tomorrowAt10(tz);
    expect(got).toBe(due);
    expect(stderr.split('\n').filter((line) => line.startsWith('warning: TZ=')).map((line) => `${line}\n`).join('')).toBe(warning);
  });

  it('TZ=: is the system zone, and every command still runs', () => {
    const c = cli(':');
    expect(c.run(['add', 'Budi']).code).toBe(0);
    const due = c.run(['due']);
    expect(due.code, due.stderr).toBe(0);
    expect(c.run(['list', '--json']).code).toBe(0);
  });
});

describe('SALESCTL_NOW', () => {
  it.each(['2026-11-23', '2026-11-23T08:30:00', 'zzz', '2026-02-30T08:00:00Z', '1700000000', '2026-11-23 08:30:00+07:00'])('%s is refused with exit 2, nothing saved', (now) => {
    const c = cli();
    const r = c.run(['add', 'Budi'], { SALESCTL_NOW: now });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`salesctl: SALESCTL_NOW='${now}' is not a full ISO 8601 instant with a zone: use e.g. 2026-11-22T09:00:00+07:00\n`);
    expect(c.run(['list', '--json']).stdout).toBe('[]\n');
  });

  it.each(['2026-11-23T08:30:00Z', '2026-11-23T08:30+07:00', '2026-11-23T08:30:00.123-05:00'])('%s is accepted', (now) => {
    expect(cli().run(['add', 'Budi'], { SALESCTL_NOW: now }).code).toBe(0);
  });
});

describe('arguments', () => {
  it('an argument that is not UTF-8 is refused (exit 2), never stored with replacement characters', () => {
    const c = cli();
    const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
    // Through sh so the bytes reach salesctl's argv as they are (0xff 0xfe are never UTF-8).
    const r = spawnSync('sh', ['-c', `exec "${process.execPath}" "${BIN}" add "$(printf 'Bu\\377\\376di')"`], {
      env: { ...base, SALESCTL_DB: c.dbPath, SALESCTL_NOW: NOW, TZ: 'UTC' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("salesctl: argument 2 ('Bu\uFFFD\uFFFDdi') is not valid UTF-8 text: retype it, or convert it with iconv; nothing was saved\n");
    expect(c.run(['list', '--json']).stdout).toBe('[]\n');
  });
});
