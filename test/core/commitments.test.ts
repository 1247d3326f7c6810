import { describe, expect, it } from 'vitest';
import { canResolve, commitmentKind, describeReliability, firmFromNonDecider, nextAction, reliability } from '../../src/core/commitments.js';
import type { CommitmentStatus } from '../../src/core/vocab.js';

describe('commitmentKind', () => {
  it.each([
    ['delegate', 'delegate'],
    ['low', 'low'],
    ['firm', 'firm'],
    [' FIRM ', 'firm'],
  ])('%j is %s', (input, kind) => expect(commitmentKind(input)).toBe(kind));

  it.each(['soft', '', 'firmly'])('%j is refused with the kinds listed', (input) => {
    expect(() => commitmentKind(input)).toThrow(`unknown commitment kind '${input}': use one of delegate, low, firm`);
  });
});

describe('nextAction', () => {
  it.each([
    ['delegate', 'get to the decision maker: ask to be introduced to whoever approves this'],
    ['low', 'follow up until it is certain: a purchase date or a change of mind'],
    ['firm', 'send the contract and collect the payment (down payment or full)'],
  ] as const)('%s → %s', (kind, action) => expect(nextAction(kind)).toBe(action));
});

describe('reliability', () => {
  it.each<[CommitmentStatus[], { kept: number; broken: number; pending: number }]>([
    [[], { kept: 0, broken: 0, pending: 0 }],
    [['kept'], { kept: 1, broken: 0, pending: 0 }],
    [['kept', 'broken', 'broken', 'pending'], { kept: 1, broken: 2, pending: 1 }],
    [['superseded', 'superseded'], { kept: 0, broken: 0, pending: 0 }],
    [['pending', 'superseded', 'kept', 'kept'], { kept: 2, broken: 0, pending: 1 }],
  ])('%j → %j', (statuses, counts) => expect(reliability(statuses)).toEqual(counts));

  it('reads as a line', () => expect(describeReliability({ kept: 2, broken: 1, pending: 0 })).toBe('kept 2 · broken 1 · pending 0'));
});

describe('firmFromNonDecider', () => {
  it.each([
    ['firm', 0, true],
    ['firm', 1, false],
    ['firm', null, false],
    ['low', 0, false],
    ['delegate', 0, false],
  ] as const)('%s from decision_maker=%s → %s', (kind, dm, expected) => expect(firmFromNonDecider(kind, dm)).toBe(expected));
});

describe('canResolve', () => {
  it.each([
    ['pending', true],
    ['kept', false],
    ['broken', false],
    ['superseded', false],
  ] as const)('%s → %s', (status, expected) => expect(canResolve(status)).toBe(expected));
});
