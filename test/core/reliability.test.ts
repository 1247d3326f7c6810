import { describe, expect, it } from 'vitest';
import { describeReliability, reliability } from '../../src/core/reliability.js';
import type { CommitmentStatus } from '../../src/core/vocab.js';

describe('reliability: kept, broken and pending commitments; superseded ones are not judged', () => {
  it.each<[CommitmentStatus[], [number, number, number], string]>([
    [[], [0, 0, 0], 'kept 0 · broken 0 · pending 0'],
    [['kept', 'kept', 'broken', 'pending'], [2, 1, 1], 'kept 2 · broken 1 · pending 1'],
    [['superseded', 'superseded'], [0, 0, 0], 'kept 0 · broken 0 · pending 0'],
    [['broken', 'superseded', 'broken', 'pending'], [0, 2, 1], 'kept 0 · broken 2 · pending 1'],
  ])('%j → %j', (statuses, [kept, broken, pending], line) => {
    const r = reliability(statuses);
    expect(r).toEqual({ kept, broken, pending });
    expect(describeReliability(r)).toBe(line);
  });
});
