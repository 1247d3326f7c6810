// `salesctl mcp` as a process: it ends with its client, keeps stdout for the protocol, refuses a database it
// cannot use before serving, and no other command loads the SDK or zod.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, tempCli, type Cli } from './helpers.js';
import { NOW, TZ, seed } from './mcpHelpers.js';

describe('salesctl mcp as a process', () => {
  it('ends when its client closes stdin, with nothing on stdout but the protocol', () => {
    const cli = tempCli(NOW, TZ);
    try {
      const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
      const run = spawnSync(process.execPath, [BIN, 'mcp'], { env: { ...env, SALESCTL_DB: cli.dbPath, SALESCTL_NOW: NOW, TZ }, input: '', encoding: 'utf8', timeout: 10_000 });
      expect(run).toMatchObject({ status: 0, stdout: '', stderr: `salesctl mcp: serving ${cli.dbPath} on stdio (15 tools)\n` });
    } finally {
      cli.cleanup();
    }
  });

  it('on a terminal, says that an assistant starts it, and ends at end of input', () => {
    const cli = tempCli(NOW, TZ);
    try {
      const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
      const run = spawnSync('script', ['-qec', `'${process.execPath}' '${BIN}' mcp`, '/dev/null'], {
        env: { ...env, SALESCTL_DB: cli.dbPath, SALESCTL_NOW: NOW, TZ }, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 10_000,
      });
      expect(run.status).toBe(0);
      expect(run.stdout.replace(/\r/g, '')).toBe(
        `salesctl mcp: serving ${cli.dbPath} on stdio (15 tools)\nhint: an AI assistant starts this server itself (see the README). Ctrl-C ends it.\n`,
      );
    } finally {
      cli.cleanup();
    }
  });

  it('refuses a database it cannot open with the usual line and exit code, before serving', () => {
    const cli = tempCli(NOW, TZ);
    try {
      const refused = cli.run(['mcp', '--db', cli.dir]);
      expect(refused).toEqual({ ...cli.run(['due', '--db', cli.dir]), stdout: '' });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^salesctl: [^\n]+\n$/);
    } finally {
      cli.cleanup();
    }
  });
});

describe('no other command pays for the SDK', () => {
  // Every ES module node resolves, recorded by a resolve hook: the SDK and zod are reached only through import().
  let cli: Cli;
  let dir: string;
  beforeAll(() => {
    cli = tempCli(NOW, TZ);
    seed(cli);
    dir = mkdtempSync(join(tmpdir(), 'salesctl-mcp-hook-'));
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.RESOLVED_OUT, resolved.url + '\\n');
  return resolved;
}
`);
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  });
  afterAll(() => {
    cli?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const resolvedBy = (args: string[]): string[] => {
    const out = join(dir, `resolved-${args[0]}.txt`);
    writeFileSync(out, '');
    const { NODE_EXTRA_CA_CERTS: _ignored, ...env } = process.env;
    const run = spawnSync(process.execPath, ['--import', join(dir, 'register.mjs'), BIN, ...args], {
      env: { ...env, SALESCTL_DB: cli.dbPath, SALESCTL_NOW: NOW, TZ, RESOLVED_OUT: out },
      input: '',
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    return readFileSync(out, 'utf8').split('\n').filter(Boolean);
  };
  const sdk = (urls: string[]) => urls.filter((url) => /\/node_modules\/(@modelcontextprotocol|zod)\//.test(url));

  it.each([[['due']], [['list']], [['show', '1', '--json']], [['followup', '1', '--at', 'tomorrow 10am']], [['add', 'Ana', '--company', 'PT Baru']]])(
    '%j resolves neither the SDK nor zod',
    (args) => {
      expect(sdk(resolvedBy(args))).toEqual([]);
    },
  );

  it('mcp does (the hook sees them)', () => {
    const urls = sdk(resolvedBy(['mcp']));
    expect(urls.some((url) => url.includes('/@modelcontextprotocol/server/'))).toBe(true);
    expect(urls.some((url) => url.includes('/zod/'))).toBe(true);
  });
});
