// The built binary on a real pseudo-terminal, and beside a second process: tmux for prompts one answers
// key by key, `script` for a whole run on a terminal, spawn() for a run that waits on a lock.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, type Cli } from './helpers.js';

export const TMUX = '/usr/bin/tmux';
export const SCRIPT = '/usr/bin/script';
export const hasTmux = existsSync(TMUX);
export const hasScript = existsSync(SCRIPT);

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** The environment of every run: the temp database, the fixed clock and zone, no colour unless asked. */
function envOf(cli: Cli, now: string, tz: string, extra: Record<string, string>): Record<string, string> {
  return { SALESCTL_DB: cli.dbPath, SALESCTL_NOW: now, TZ: tz, NO_COLOR: '1', ...extra };
}

/** A shell command that runs salesctl with `args`. */
export function shellCommand(cli: Cli, args: string[], now: string, tz: string, extra: Record<string, string> = {}): string {
  const env = Object.entries(envOf(cli, now, tz, extra)).map(([k, v]) => `${k}=${quote(v)}`);
  return `env -u NODE_EXTRA_CA_CERTS ${env.join(' ')} ${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}`;
}

/** A shell line that runs salesctl with `args` and prints its exit code as EXIT=<n>. */
export function shellLine(cli: Cli, args: string[], now: string, tz: string, extra: Record<string, string> = {}): string {
  return `${shellCommand(cli, args, now, tz, extra)}; echo EXIT=$?`;
}

/** A private tmux server (its own socket), so tests never touch anyone else's sessions. */
export class Tmux {
  private readonly socket = `salesctl-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private sessions = 0;

  run(...args: string[]): string {
    const result = spawnSync(TMUX, ['-L', this.socket, ...args], { encoding: 'utf8', timeout: 10_000 });
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Starts `line` in a new 100×40 terminal; the session stays open after it ends, for its last screen. */
  start(line: string, width = 100): string {
    const session = `s${++this.sessions}`;
    this.run('new-session', '-d', '-s', session, '-x', String(width), '-y', '40', `${line}; sleep 60`);
    return session;
  }

  screen(session: string, escapes = false): string {
    return this.run('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', session);
  }

  /** Polls the screen until `text` shows (bounded), and returns it. */
  async waitFor(session: string, text: string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const shown = this.screen(session);
      if (shown.includes(text)) return shown;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}; the screen was:\n${shown}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Types `text` literally, then Enter. */
  answer(session: string, text: string): void {
    if (text) this.run('send-keys', '-t', session, '-l', text);
    this.run('send-keys', '-t', session, 'Enter');
  }

  keys(session: string, ...keys: string[]): void {
    this.run('send-keys', '-t', session, ...keys);
  }

  /** The exit code the session printed (EXIT=<n>), once it has. */
  async exitCode(session: string): Promise<{ code: number; screen: string }> {
    const screen = await this.waitFor(session, 'EXIT=');
    return { code: Number(/EXIT=(\d+)/.exec(screen)![1]), screen };
  }

  kill(): void {
    spawnSync(TMUX, ['-L', this.socket, 'kill-server'], { timeout: 10_000 });
  }
}

/**
 * Runs salesctl on a pseudo-terminal made by `script` (stdin, stdout and stderr all the terminal; nothing
 * typed) and returns everything the terminal received, escapes included, and the exit code.
 */
export function runOnTerminal(cli: Cli, args: string[], now: string, tz: string, extra: Record<string, string> = {}): { code: number; output: string } {
  const log = join(cli.dir, `pty-${Date.now()}.log`);
  const result = spawnSync(SCRIPT, ['-qec', shellLine(cli, args, now, tz, extra), log], { encoding: 'utf8', timeout: 60_000, stdio: ['pipe', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`script failed: ${result.stderr}`);
  const output = readFileSync(log, 'utf8');
  return { code: Number(/EXIT=(\d+)/.exec(output)?.[1] ?? -1), output };
}

/** Starts salesctl in the background (stdin empty, not a terminal); `done` resolves when it exits. */
export function spawnBin(cli: Cli, args: string[], now: string, tz: string, extra: Record<string, string> = {}) {
  const { NODE_EXTRA_CA_CERTS: _ignored, ...base } = process.env;
  const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { env: { ...base, ...envOf(cli, now, tz, extra) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })),
  );
  return { pid: child.pid!, done };
}

/**
 * Resolves once process `pid` sleeps in SQLite's busy handler (the kernel's nanosleep: node itself never
 * sleeps so while starting), that is once it has read what it read and waits for the write lock.
 */
export async function waitingOnLock(pid: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let wchan: string;
    try {
      wchan = readFileSync(`/proc/${pid}/wchan`, 'utf8');
    } catch {
      throw new Error(`process ${pid} ended before it waited on the lock`);
    }
    if (wchan.includes('nanosleep')) return;
    if (Date.now() > deadline) throw new Error(`process ${pid} never waited on the lock (wchan ${wchan})`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Whether waitingOnLock() can watch a process here (Linux /proc with wchan). */
export const canWatchLocks = existsSync('/proc/self/wchan');
