// The README runs: every ```sh and ```console block, in order, on a fresh database with the README's fixed
// clock, through the built bin/salesctl.js on a 100-column pseudo-terminal (test/readme/story.ts has the
// convention). Each command must exit as the README says and print exactly what a ```console block shows.
// UPDATE_README=1 npx vitest run test/readme.test.ts writes the outputs salesctl printed into README.md
// (exit codes are still checked); review the diff before committing it.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mismatches, parseStory, rewriteOutputs, runStep, type Step } from './readme/story.js';

const REPO = resolve(__dirname, '..');
const README = join(REPO, 'README.md');
/** The clock and zone the README states in "Follow along"; the test holds the two equal. */
const NOW = '2026-11-23T08:30:00+07:00';
const ZONE = 'Asia/Jakarta';
const COLUMNS = 100;
const UPDATE = process.env.UPDATE_README === '1';

const markdown = readFileSync(README, 'utf8');
const steps = parseStory(markdown).flatMap((block) => block.steps);
const printed = new Map<Step, string>();
let work: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'salesctl-readme-'));
  const bin = join(work, '.bin');
  mkdirSync(bin);
  // `salesctl` on the PATH, as `npm link` gives it, running the built binary.
  writeFileSync(join(bin, 'salesctl'), `#!/bin/sh\nexec '${process.execPath}' '${join(REPO, 'bin/salesctl.js')}' "$@"\n`);
  chmodSync(join(bin, 'salesctl'), 0o755);
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(SALESCTL_|XDG_|LC_|NODE_EXTRA_CA_CERTS$|NODE_OPTIONS$|COLUMNS$|LINES$|FORCE_COLOR$|NO_COLOR$|LANG$)/.test(name)),
  );
  env = {
    ...base,
    PATH: `${bin}:${process.env.PATH}`,
    HOME: work,
    LANG: 'C.UTF-8',
    SALESCTL_NOW: NOW,
    TZ: ZONE,
    NO_COLOR: '1',
    SALESCTL_DB: join(work, 'salesctl-readme.db'),
  };
});

afterAll(() => {
  if (UPDATE && printed.size) writeFileSync(README, rewriteOutputs(markdown, printed));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('README.md', () => {
  it('states the clock, zone and width that its outputs were made with', () => {
    expect(markdown).toContain(`export SALESCTL_NOW=${NOW} TZ=${ZONE} NO_COLOR=1`);
    expect(markdown).toContain(`${COLUMNS} columns`);
    expect(steps.length).toBeGreaterThan(50);
  });

  for (const step of steps) {
    const title = `README.md:${step.line} ${step.command.split('\n')[0]}`;
    it(title, () => {
      const outcome = runStep(step, { cwd: work, env, columns: COLUMNS });
      if (UPDATE && step.expectedOutput !== undefined) printed.set(step, outcome.output);
      const problems = mismatches(UPDATE ? { ...step, expectedOutput: undefined } : step, outcome);
      expect(problems, `${title}\n${problems.join('\n')}\n--- the terminal showed:\n${outcome.output}`).toEqual([]);
    });
  }
});
