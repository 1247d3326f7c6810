import { describe, expect, it } from 'vitest';
import { countCauses, defaultOutcome, findRepeats, reviewerList, rootCauses } from '../../src/core/postmortem.js';
import type { RootCause } from '../../src/core/vocab.js';

describe('defaultOutcome', () => {
  it.each([
    ['lost', 'lost'],
    ['won', 'won'],
    ['open', 'stalled'],
    ['not-now', 'stalled'],
  ] as const)('a %s deal → %s', (status, outcome) => expect(defaultOutcome(status)).toBe(outcome));
});

describe('rootCauses', () => {
  it.each<[string[], RootCause[]]>([
    [['segment'], ['segment']],
    [['price', 'Segment', 'price'], ['price', 'segment']],
    [[], []],
  ])('%j → %j', (input, causes) => expect(rootCauses(input)).toEqual(causes));

  it('refuses a cause that is not on the list, naming the list', () => {
    expect(() => rootCauses(['luck'])).toThrow("unknown root cause (--cause) 'luck': use one of segment, approach, product-knowledge");
  });
});

describe('reviewerList', () => {
  it.each([
    [['team lead'], ['team lead']],
    [['team lead, Mum ,, ', 'Sari'], ['team lead', 'Mum', 'Sari']],
    [['Sari', 'sari'], ['Sari']],
    [[' , '], []],
  ])('%j → %j', (input, reviewers) => expect(reviewerList(input)).toEqual(reviewers));
});

const pm = (id: number, ...causes: RootCause[]) => ({ id, causes });

describe('countCauses', () => {
  it.each([
    [[], []],
    [[pm(1, 'segment')], [{ cause: 'segment', count: 1 }]],
    [
      [pm(1, 'price', 'segment'), pm(2, 'segment'), pm(3, 'approach', 'price'), pm(4, 'segment')],
      [
        { cause: 'segment', count: 3 },
        { cause: 'price', count: 2 },
        { cause: 'approach', count: 1 },
      ],
    ],
    // ties are ordered by name
    [[pm(1, 'timing'), pm(2, 'approach'), pm(3, 'competitor')], [
      { cause: 'approach', count: 1 },
      { cause: 'competitor', count: 1 },
      { cause: 'timing', count: 1 },
    ]],
  ])('%#', (postmortems, counts) => expect(countCauses(postmortems)).toEqual(counts));
});

describe('findRepeats', () => {
  it.each([
    ['nothing', [], { count: 0, total: 0, causes: [], postmortem_ids: [] }],
    ['all different', [pm(1, 'segment'), pm(2, 'price')], { count: 0, total: 2, causes: [], postmortem_ids: [] }],
    [
      'a cause named again later',
      [pm(1, 'segment'), pm(2, 'price'), pm(3, 'segment', 'price')],
      { count: 1, total: 3, causes: [{ cause: 'price', count: 1 }, { cause: 'segment', count: 1 }], postmortem_ids: [3] },
    ],
    [
      'the first naming is not a repeat, each later one is',
      [pm(1, 'segment'), pm(2, 'segment'), pm(3, 'timing'), pm(4, 'segment')],
      { count: 2, total: 4, causes: [{ cause: 'segment', count: 2 }], postmortem_ids: [2, 4] },
    ],
    [
      'causes within one post-mortem do not repeat each other',
      [pm(1, 'segment', 'approach')],
      { count: 0, total: 1, causes: [], postmortem_ids: [] },
    ],
    [
      "'other' is a catch-all, never a repeat",
      [pm(1, 'other'), pm(2, 'other')],
      { count: 0, total: 2, causes: [], postmortem_ids: [] },
    ],
  ])('%s', (_name, postmortems, repeats) => expect(findRepeats(postmortems)).toEqual(repeats));
});
