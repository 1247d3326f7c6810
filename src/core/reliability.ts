// How far a prospect's word can be trusted: their commitments kept, broken and still pending.
import type { CommitmentStatus } from './vocab.js';

/** Counts of a prospect's commitments; superseded ones were replaced, not judged, so they do not count. */
export interface Reliability {
  kept: number;
  broken: number;
  pending: number;
}

/** Counts kept, broken and pending commitments among `statuses`. */
export function reliability(statuses: readonly CommitmentStatus[]): Reliability {
  const counts: Reliability = { kept: 0, broken: 0, pending: 0 };
  for (const status of statuses) if (status !== 'superseded') counts[status]++;
  return counts;
}

/** 'kept 2 · broken 1 · pending 1'. */
export function describeReliability(r: Reliability): string {
  return `kept ${r.kept} · broken ${r.broken} · pending ${r.pending}`;
}
