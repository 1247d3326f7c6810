// Talking to the built `salesctl mcp` as an assistant would: the SDK's own Client over stdio.
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { BIN, type Cli } from './helpers.js';

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
