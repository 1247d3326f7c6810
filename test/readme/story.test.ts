// The README test's reader and judge: how blocks become steps, and that a wrong output or exit code fails.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { annotations, mismatches, parseStory, rewriteOutputs, runStep, type Step } from './story.js';

const FENCE = '```';
const SAMPLE = [
  '# Title', //                                      1
  '',
  `${FENCE}sh`, //                                    3
  '# not run by the README test: set-up',
  'npm install',
  FENCE,
  `${FENCE}sh`, //                                    7
  '# a comment line is not a command',
  'salesctl add "Budi" \\', //                        9
  '  --company "PT Maju"',
  '',
  'salesctl show 99   # exits 3', //                  12
  "cat > leads.csv <<'EOF'   # the file", //          13
  'Name,Company',
  'Budi # not a comment,PT Maju',
  'EOF',
  'salesctl close 1 lost   # asks "Write the post-mortem now?": answer n', // 17
  FENCE,
  `${FENCE}console`, //                               19
  '$ salesctl list',
  'ID  PROSPECT',
  '1   Budi',
  '$ salesctl log 1 "called"',
  '$ salesctl show 99      # exits 3', //             24
  "salesctl: no deal with id 99: run 'salesctl list' to see the deals",
  FENCE,
  `${FENCE}text`,
  '$ salesctl due',
  FENCE,
].join('\n');

describe('parseStory', () => {
  const blocks = parseStory(SAMPLE);

  it('runs sh and console blocks, and skips the marked and the other ones', () => {
    expect(blocks.map((b) => [b.line, b.lang, b.run])).toEqual([
      [3, 'sh', false],
      [7, 'sh', true],
      [19, 'console', true],
      [27, 'text', false],
    ]);
    expect(blocks[0]!.steps).toEqual([]);
    expect(blocks[3]!.steps).toEqual([]);
  });

  it('reads sh commands with their continuations, here-documents, exit codes and answers', () => {
    expect(blocks[1]!.steps).toEqual([
      { line: 9, command: 'salesctl add "Budi" \\\n  --company "PT Maju"', expectedExit: 0 },
      { line: 12, command: 'salesctl show 99   # exits 3', expectedExit: 3 },
      { line: 13, command: "cat > leads.csv <<'EOF'   # the file\nName,Company\nBudi # not a comment,PT Maju\nEOF", expectedExit: 0 },
      { line: 17, command: 'salesctl close 1 lost   # asks "Write the post-mortem now?": answer n', expectedExit: 0, answer: 'n' },
    ]);
  });

  it('reads console commands with their exact outputs and where those are', () => {
    expect(blocks[2]!.steps).toEqual([
      { line: 20, command: 'salesctl list', expectedExit: 0, expectedOutput: 'ID  PROSPECT\n1   Budi\n', outputLines: [20, 22] },
      { line: 23, command: 'salesctl log 1 "called"', expectedExit: 0, expectedOutput: '', outputLines: [23, 23] },
      {
        line: 24,
        command: 'salesctl show 99      # exits 3',
        expectedExit: 3,
        expectedOutput: "salesctl: no deal with id 99: run 'salesctl list' to see the deals\n",
        outputLines: [24, 25],
      },
    ]);
  });

  it('refuses a block that is never closed, and a console block that does not start with a command', () => {
    expect(() => parseStory(`${FENCE}sh\nsalesctl due\n`)).toThrow('README.md:1: the code block is never closed');
    expect(() => parseStory(`text\n${FENCE}console\nID  PROSPECT\n${FENCE}\n`)).toThrow('README.md:3: a console block starts with a "$ " command line');
  });
});

describe('annotations', () => {
  it.each([
    ['salesctl due', { expectedExit: 0 }],
    ['salesctl show 99 # exits 3', { expectedExit: 3 }],
    ['salesctl close 1 lost  # exits 130 when you press Ctrl-C', { expectedExit: 130 }],
    ['salesctl log 1 "call #2"', { expectedExit: 0 }],
    ['salesctl close 1 lost  # answer n', { expectedExit: 0, answer: 'n' }],
    ['salesctl add "A" \\\n  --tz Mars  # exits 2', { expectedExit: 2 }],
  ])('%s', (command, expected) => {
    expect(annotations(command)).toEqual(expected);
  });
});

describe('mismatches', () => {
  const step: Step = { line: 1, command: 'salesctl list', expectedExit: 0, expectedOutput: 'ID  PROSPECT\n1   Budi\n' };

  it('accepts the exit code and the exact output the README shows', () => {
    expect(mismatches(step, { code: 0, output: 'ID  PROSPECT\n1   Budi\n', timedOut: false })).toEqual([]);
  });

  it('fails on another exit code, another output, a missing line end, or a wait at a prompt', () => {
    expect(mismatches(step, { code: 3, output: step.expectedOutput!, timedOut: false })).toEqual([
      'exits 3, the README says 0 (mark a failure with `# exits N`)',
    ]);
    expect(mismatches(step, { code: 0, output: 'ID  PROSPECT\n1   Budi \n', timedOut: false })[0]).toBe(
      'prints something else than the README shows:\nfirst difference at output line 2\n- "1   Budi"\n- ""\n+ "1   Budi "\n+ ""',
    );
    expect(mismatches(step, { code: 0, output: 'ID  PROSPECT\n1   Budi', timedOut: false })).toHaveLength(1);
    expect(mismatches(step, { code: null, output: '', timedOut: true })[0]).toMatch(/^timed out: is it waiting at a prompt\?/);
  });

  it('checks only the exit code of a sh step', () => {
    const sh: Step = { line: 1, command: 'salesctl show 99', expectedExit: 3 };
    expect(mismatches(sh, { code: 3, output: 'anything', timedOut: false })).toEqual([]);
    expect(mismatches(sh, { code: 0, output: '', timedOut: false })).toEqual(['exits 0, the README says 3']);
  });
});

describe('rewriteOutputs', () => {
  it('puts what salesctl printed in place of each console output, and leaves the rest', () => {
    const [, , consoleBlock] = parseStory(SAMPLE);
    const [list, log, show] = consoleBlock!.steps;
    const printed = new Map<Step, string>([
      [list!, 'ID  PROSPECT  COMPANY\n1   Budi      PT Maju\n2   Sari      CV Sinar\n'],
      [log!, 'Logged on #1\n'],
      [show!, ''],
    ]);
    const updated = rewriteOutputs(SAMPLE, printed);
    expect(updated.split('\n').slice(19, 27)).toEqual([
      '$ salesctl list',
      'ID  PROSPECT  COMPANY',
      '1   Budi      PT Maju',
      '2   Sari      CV Sinar',
      '$ salesctl log 1 "called"',
      'Logged on #1',
      '$ salesctl show 99      # exits 3',
      FENCE,
    ]);
    const again = parseStory(updated)[2]!.steps;
    expect(again.map((s) => s.expectedOutput)).toEqual([printed.get(list!), printed.get(log!), '']);
  });
});

describe('runStep through the built salesctl on a pseudo-terminal', () => {
  const work = mkdtempSync(join(tmpdir(), 'salesctl-story-'));
  mkdirSync(join(work, '.bin'));
  const shim = join(work, '.bin', 'salesctl');
  writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${resolve(__dirname, '../../bin/salesctl.js')}' "$@"\n`);
  chmodSync(shim, 0o755);
  const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
  const env = {
    ...base,
    PATH: `${join(work, '.bin')}:${process.env.PATH}`,
    HOME: work,
    SALESCTL_DB: join(work, 'story.db'),
    SALESCTL_NOW: '2026-11-23T08:30:00+07:00',
    TZ: 'Asia/Jakarta',
    NO_COLOR: '1',
  };
  const run = (markdown: string) => parseStory(markdown)[0]!.steps.map((step) => mismatches(step, runStep(step, { cwd: work, env, columns: 100 })));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const story = (show: string, exit: string) =>
    [
      `${FENCE}console`,
      '$ salesctl add "Budi Santoso" --company "PT Maju" --deal "Fleet renewal"',
      'Added deal #1 Fleet renewal for Budi Santoso (PT Maju)',
      "hint: every step ends with a commitment for the next: salesctl followup 1 --at 'tomorrow 10am'",
      `$ salesctl show 99 | head -1   # exits ${exit}`,
      show,
      FENCE,
    ].join('\n');

  it('passes when the README says what salesctl does (stderr and stdout as the terminal shows them)', () => {
    expect(run(story("salesctl: no deal with id 99: run 'salesctl list' to see the deals", '3'))).toEqual([[], []]);
  });

  it('fails on a changed output, and on a changed exit code', () => {
    rmSync(join(work, 'story.db'));
    const [, wrongOutput] = run(story("salesctl: no deal with id 98: run 'salesctl list' to see the deals", '3'));
    expect(wrongOutput).toHaveLength(1);
    expect(wrongOutput![0]).toContain('+ "salesctl: no deal with id 99');
    const [, wrongExit] = run(story("salesctl: no deal with id 99: run 'salesctl list' to see the deals", '2'));
    expect(wrongExit).toEqual(['exits 3, the README says 2']);
  });
});
