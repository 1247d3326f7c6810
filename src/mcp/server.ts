// `salesctl mcp [--read-only]`: an MCP server on stdio, so an AI assistant can read the morning and record
// what happened. Built on the official TypeScript SDK (v2, the line its repository calls stable), which with
// zod is loaded here only: no other command pays for it. stdout carries the protocol alone; the one line
// of log goes to stderr. Every tool runs the matching salesctl command in this process (see invoke.ts).
import type { McpServer as McpServerType, RegisteredTool } from '@modelcontextprotocol/server';
import type { McpFlags } from '../cli.js';
import type { Context } from '../context.js';
import { commandRunner } from './invoke.js';
import { READ_TOOLS } from './readTools.js';
import type { ToolDefinition, ToolEnv, Z } from './tool.js';
import { WRITE_TOOLS } from './writeTools.js';

declare const SALESCTL_VERSION: string | undefined;
const VERSION = typeof SALESCTL_VERSION === 'string' ? SALESCTL_VERSION : '0.1.0';

const INSTRUCTIONS =
  "salesctl is the salesperson's follow-up and commitment tracker, one local database. Its discipline: every interaction ends " +
  'with a commitment for the next step; commitments are judged by who gave them and how certain they are (only firm ones, a date ' +
  'from the decision maker, count in the forecast); "no" means "not now"; every lost deal is reflected on. Start with morning. ' +
  'Times in answers are ISO 8601 instants with their offset; dates you pass are read in the user\'s time zone.';

/** Serves until the client closes stdin. */
export async function run(ctx: Context, _args: string[], flags: McpFlags): Promise<void> {
  // Opened (and migrated) before serving: a database that cannot be used ends here with its usual message and exit code.
  const database = ctx.db();
  // Read-only is also enforced by SQLite: this connection cannot change the file, whatever a tool did.
  if (flags.readOnly) database.pragma('query_only = ON');
  const [{ McpServer }, { serveStdio, StdioServerTransport }, z] = await Promise.all([
    import('@modelcontextprotocol/server'),
    import('@modelcontextprotocol/server/stdio'),
    import('zod'),
  ]);
  // A fixed clock (SALESCTL_NOW, read and checked once by main.ts) stays fixed; otherwise each call's own now.
  const readNow = () => (ctx.env.SALESCTL_NOW ? ctx.now : new Date());
  const env: ToolEnv = { run: commandRunner(ctx, database), now: readNow, zone: ctx.zone };
  const readOnly = Boolean(flags.readOnly);

  let closed!: () => void;
  const done = new Promise<void>((resolve) => (closed = resolve));
  // The SDK closes its transport when stdin ends; the command ends with it (and main.ts closes the database).
  class Transport extends StdioServerTransport {
    override async close(): Promise<void> {
      await super.close();
      closed();
    }
  }
  serveStdio(
    () => {
      const server = new McpServer({ name: 'salesctl', version: VERSION }, { instructions: INSTRUCTIONS });
      for (const tool of READ_TOOLS) register(server, z, tool, env);
      // Read-only: the write tools are not listed, and a call to one is refused ("Tool log_outcome disabled").
      for (const tool of WRITE_TOOLS) {
        const registered = register(server, z, tool, env);
        if (readOnly) registered.disable();
      }
      return server;
    },
    { transport: new Transport(), onerror: (error) => ctx.stderr.write(`salesctl mcp: ${error.message}\n`) },
  );
  ctx.stderr.write(`salesctl mcp: serving ${ctx.dbPath} on stdio${readOnly ? `, read-only (${READ_TOOLS.length} tools)` : ` (${READ_TOOLS.length + WRITE_TOOLS.length} tools)`}\n`);
  if (ctx.interactive) {
    ctx.stderr.write('hint: an AI assistant starts this server itself (see the README). Ctrl-C ends it.\n');
  }
  await done;
}

function register(server: McpServerType, z: Z, tool: ToolDefinition, env: ToolEnv): RegisteredTool {
  return server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input(z),
      annotations: {
        title: tool.title,
        readOnlyHint: !tool.writes,
        // Nothing deletes: a write adds a record or moves one forward, with an event on the deal's timeline.
        destructiveHint: false,
        idempotentHint: !tool.writes,
        openWorldHint: false,
      },
    },
    async (input: unknown) => {
      // The SDK has parsed the input with the tool's own schema before calling.
      const answer = await tool.call(input as Parameters<ToolDefinition['call']>[0], env);
      return answer.ok
        ? {
            structuredContent: answer.structured,
            // The short text, then the same document as JSON for clients that read text only (as the spec advises).
            content: [
              { type: 'text' as const, text: answer.text },
              { type: 'text' as const, text: JSON.stringify(answer.structured) },
            ],
          }
        : { isError: true, content: [{ type: 'text' as const, text: answer.text }] };
    },
  );
}
