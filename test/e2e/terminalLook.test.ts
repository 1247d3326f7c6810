// The built binary on a terminal: hints after the result, the zone label in every locale, tables that fit
// a pseudo-terminal's width (tmux gives it one), and a pipe that keeps every character.
import { spawnSync } from 'node:child_process';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, tempCli } from './helpers.js';

// Monday 23 November 2026, 08:30 in Jakarta.
const cli = tempCli('2026-11-23T01:30:00Z', 'Asia/Jakarta');
afterAll(() => cli.cleanup());
const TITLE = 'Fleet renewal for the northern region, spare parts and the service plan';

describe('the built binary', () => {
  it('prints a hint after the result it is about (stdout and stderr on one stream)', () => {
    const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
    const both = spawnSync('sh', ['-c', `'${process.execPath}' '${BIN}' add 'Budi Santoso' --company 'PT Maju' --deal '${TITLE}' --tz Asia/Jakarta 2>&1`], {
      env: { ...env, SALESCTL_DB: cli.dbPath, SALESCTL_NOW: '2026-11-23T01:30:00Z', TZ: 'Asia/Jakarta' },
      encoding: 'utf8',
    });
    expect(both.stdout.split('\n')).toEqual([
      `Added deal #1 ${TITLE} for Budi Santoso (PT Maju)`,
      "hint: every step ends with a commitment for the next: salesctl followup 1 --at 'tomorrow 10am'",
      '',
    ]);
  });

  it.each(['en_US.UTF-8', 'de_DE.UTF-8', 'ja_JP.UTF-8'])('names their zone EST under LANG=%s', (lang) => {
    expect(cli.run(['add', `Ana ${lang}`, '--tz', 'America/New_York', '--json']).code).toBe(0);
    const scheduled = cli.run(['followup', `Ana ${lang}`, '--at', '2026-11-24 09:00'], { LANG: lang, LC_ALL: lang });
    expect(scheduled.stdout).toMatch(/· Mon 21:00 EST their time$/m);
  });

  it('fits a table to a pseudo-terminal of 80 and 100 columns, and pipes every character', () => {
    expect(cli.run(['followup', '1', '--at', '2026-11-23 10:00', '--closure']).code).toBe(0);
    const tmux = (...args: string[]) => spawnSync('tmux', ['-L', `salesctl-e2e-${process.pid}`, ...args], { encoding: 'utf8' });
    if (tmux('-V').status !== 0) return; // no tmux here: the in-process width tests still run
    for (const width of [80, 100]) {
      const session = `w${width}`;
      const command = `env SALESCTL_DB='${cli.dbPath}' SALESCTL_NOW=2026-11-23T01:30:00Z TZ=Asia/Jakarta NO_COLOR=1 '${process.execPath}' '${BIN}' list; echo EXIT=$?; sleep 30`;
      tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', '40', command);
      let shown = '';
      for (let i = 0; i < 250 && !shown.includes('EXIT='); i++) {
        spawnSync('sleep', ['0.1']);
        shown = tmux('capture-pane', '-p', '-J', '-t', session).stdout;
      }
      tmux('kill-session', '-t', session);
      expect(shown).toContain('EXIT=0');
      const lines = shown.split('\n');
      expect(lines.filter((line) => stringWidth(line) > width)).toEqual([]);
      expect(lines.some((line) => /^1 +Budi Santoso +PT Maju +Fleet renewal.*… /.test(line))).toBe(true);
    }
    expect(cli.run(['list']).stdout).toContain(`\t${TITLE}\t`);
  }, 60_000);
});
