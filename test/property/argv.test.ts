// Random argument vectors through the real CLI, in-process against an in-memory database: every outcome
// is exit 0-4, an error is one line with no stack trace, and a refused command changes nothing.
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { argv, zone } from './arbitraries.js';
import { checkArgv, seeded } from './argvCheck.js';

const RUNS = Number(process.env.SALESCTL_PROPERTY_RUNS ?? 100);

let cwd: string;
let scratch: string;
beforeAll(() => {
  // export --out and backup write where they are told: keep junk paths inside a scratch folder
  cwd = process.cwd();
  scratch = mkdtempSync(join(tmpdir(), 'salesctl-argv-'));
  process.chdir(scratch);
});
afterAll(() => {
  process.chdir(cwd);
  rmSync(scratch, { recursive: true, force: true });
});

describe('any argument vector', () => {
  it('ends with exit 0-4, one error line, no stack trace, and no change on refusal', async () => {
    const h = await seeded();
    await fc.assert(
      fc.asyncProperty(argv, fc.boolean(), zone, async (args, tty, tz) => checkArgv(h, args, tty, tz)),
      { numRuns: RUNS },
    );
  });

  it.each([
    [['frobnicate']],
    [['add']],
    [['add', 'X', '--value', 'lots']],
    [['show', 'nobody']],
    [['show', 'budi']],
    [['followup', '1', '--at', 'someday']],
    [['list', '--status', 'maybe']],
    [['commit', '1', 'firm']],
    [['due', '--until', 'never']],
    [['add', 'X', '--tz', 'Mars/Olympus']],
  ])('judges a known refusal the same way: %j', async (args) => {
    const h = await seeded();
    await checkArgv(h, args, false, 'UTC');
    expect((await h.run(args)).code).not.toBe(0);
  });
});
