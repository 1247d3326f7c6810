// Talking to the built `salesctl mcp` as an assistant would: the SDK's own Client over stdio.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { expect } from 'vitest';
import { BIN, type Cli } from './helpers.js';

// Monday 23 November 2026, 08:30 in Jakarta.
export const NOW = '2026-11-23T01:30:00Z';
export const TZ = 'Asia/Jakarta';

export interface McpSession {
  client: Client;
  /** What the server wrote on stderr so far. */
  stderr(): string;
  /** Calls a tool; a refused call (isError) is returned, not thrown. */
  call(name: string, args?: Record<string, unknown>): Promise<ToolResult>;
  close(): Promise<void>;
}

export interface ToolResult {
  isError?: boolean;
  structuredContent?: any;
  content: Array<{ type: string; text?: string }>;
}

/** Starts `salesctl mcp [args]` on the temporary database of `cli`, with its clock and zone. */
export async function startMcp(cli: Cli, now: string, tz: string, args: string[] = []): Promise<McpSession> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', ...args],
    // The transport passes only a few variables by default: give the server its database, clock and zone.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', SALESCTL_DB: cli.dbPath, SALESCTL_NOW: now, TZ: tz },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'salesctl-test', version: '1.0.0' });
  await client.connect(transport);
  return {
    client,
    stderr: () => stderr,
    call: async (name, args = {}) => (await client.callTool({ name, arguments: args })) as ToolResult,
    close: () => client.close(),
  };
}

/** The short text of a result (its first content block). */
export function textOf(result: ToolResult): string {
  return result.content[0]?.text ?? '';
}

/** Budi (does not decide, Jakarta, best 10-12) with a follow-up overdue since yesterday; Sari (decides) with a closure call today; Tom with nothing next. */
export function seed(cli: Cli): void {
  for (const args of [
    ['add', 'Budi Santoso', '--company', 'PT Maju', '--deal', 'Fleet renewal', '--value', '150000000', '--currency', 'IDR',
      '--tz', 'Asia/Jakarta', '--best-time', '10:00-12:00', '--no-decision-maker', '--channel', 'call'],
    ['add', 'Sari Dewi', '--company', 'CV Sinar', '--deal', 'Office laptops', '--value', '85000000', '--currency', 'IDR', '--decision-maker'],
    ['add', 'Tom Baker', '--company', 'Acme', '--deal', 'Pilot', '--value', '12k', '--currency', 'USD', '--tz', 'America/New_York'],
    ['followup', 'Budi', '--at', 'yesterday 10:30'],
    ['followup', 'Sari', '--at', 'today 15:00', '--closure', '--channel', 'meeting'],
  ]) {
    const result = cli.run(args);
    expect(result.code, result.stderr).toBe(0);
  }
}

