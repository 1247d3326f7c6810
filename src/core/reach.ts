// When prospects really answer: completed follow-ups counted per channel and hour of day in the
// prospect's own zone.
import { localHour } from './time.js';
import { REACHED_OUTCOMES } from './vocab.js';

/** One completed follow-up, as the tally needs it. */
export interface Attempt {
  channel: string;
  outcome: string | null;
  /** When it was completed (ISO). */
  completedAt: string;
  /** The prospect's zone, or null for the salesperson's own. */
  tz: string | null;
}

/** Attempts and how many reached the prospect, for one channel at one hour of their day. */
export interface ReachCell {
  channel: string;
  hour: number;
  attempts: number;
  reached: number;
}

/** Counts attempts and reached per channel and hour (0-23 in the prospect's zone), sorted by channel then hour. */
export function tallyReach(attempts: Iterable<Attempt>, localZone: string): ReachCell[] {
  const cells = new Map<string, ReachCell>();
  for (const attempt of attempts) {
    const hour = localHour(new Date(attempt.completedAt), attempt.tz ?? localZone);
    const key = `${attempt.channel}\u0000${hour}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { channel: attempt.channel, hour, attempts: 0, reached: 0 }));
    cell.attempts++;
    if (isReached(attempt.outcome)) cell.reached++;
  }
  return [...cells.values()].sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : a.hour - b.hour));
}

/** True for an outcome where the prospect was actually reached. */
export function isReached(outcome: string | null): boolean {
  return (REACHED_OUTCOMES as readonly string[]).includes(outcome ?? '');
}
