import { existsSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { tempCli, type Cli } from './helpers.js';

let cli: Cli;
afterEach(() => cli?.cleanup());

describe('the salesctl binary', () => {
  it('documents the exit codes in --help', () => {
    cli = tempCli();
    const { code, stdout } = cli.run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Exit codes:\n  0    done');
    expect(stdout).toContain('4    refused');
    expect(stdout).toContain('130  cancelled at a prompt (Ctrl-C): nothing was saved');
    for (const command of ['add', 'commit', 'followup', 'due', 'postmortem', 'list', 'show', 'log', 'close', 'export', 'import', 'backup', 'doctor']) {
      expect(stdout).toMatch(new RegExp(`\\n  ${command} `));
    }
  });

  it('prints its version', () => {
    cli = tempCli();
    expect(cli.run(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it('refuses an unknown command or flag with exit 2 and one line', () => {
    cli = tempCli();
    expect(cli.run(['frobnicate'])).toEqual({ code: 2, stdout: '', stderr: "salesctl: unknown command 'frobnicate': see 'salesctl --help'\n" });
    const flag = cli.run(['add', 'X', '--valeu', '5']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe("salesctl: unknown option '--valeu' (did you mean '--value'?)\n");
  });

  it('creates the database on first use, owner-only, and adds a deal', () => {
    cli = tempCli();
    expect(existsSync(cli.dbPath)).toBe(false);
    const { code, stdout } = cli.run(['add', 'Budi', '--company', 'PT Maju', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ id: 1, title: 'PT Maju', prospect: { name: 'Budi' } });
    expect(statSync(cli.dbPath).mode & 0o777).toBe(0o600);
  });

  it('refuses a bad SALESCTL_NOW', () => {
    cli = tempCli();
    expect(cli.run(['add', 'X'], { SALESCTL_NOW: 'yesterday' })).toMatchObject({
      code: 2,
      stderr: "salesctl: SALESCTL_NOW='yesterday' is not a full ISO 8601 instant with a zone: use e.g. 2026-11-22T09:00:00+07:00\n",
    });
    expect(existsSync(cli.dbPath)).toBe(false);
  });

  it('accepts the global flags before or after the command', () => {
    cli = tempCli();
    const other = `${cli.dir}/other.db`;
    expect(cli.run(['--db', other, 'add', 'A']).code).toBe(0);
    expect(cli.run(['add', 'B', '--db', other, '--no-color']).code).toBe(0);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(cli.dbPath)).toBe(false);
  });
});
