import { describe, expect, it } from 'vitest';
import { goneQuiet, type ContactHistory } from '../../src/core/quiet.js';

const NOW = new Date('2026-11-22T08:00:00Z');
const base: ContactHistory = { createdAt: '2026-11-01T08:00:00Z', lastOutcomes: [], lastDoneAt: null, lastCommitmentAt: null };

describe('goneQuiet', () => {
  it.each<[string, Partial<ContactHistory>, string | null]>([
    ['a deal created 21 days ago with no contact since', {}, 'no contact for 21 days'],
    ['a deal created 20 days ago', { createdAt: '2026-11-02T08:00:00Z' }, null],
    ['21 days less a minute', { createdAt: '2026-11-01T08:01:00Z' }, null],
    ['a completed follow-up 5 days ago', { lastOutcomes: ['reached'], lastDoneAt: '2026-11-17T08:00:00Z' }, null],
    ['a commitment 3 days ago', { createdAt: '2026-09-01T08:00:00Z', lastCommitmentAt: '2026-11-19T08:00:00Z' }, null],
    ['old follow-up and old commitment', { createdAt: '2026-09-01T08:00:00Z', lastOutcomes: ['reached'], lastDoneAt: '2026-10-01T08:00:00Z', lastCommitmentAt: '2026-10-11T08:00:00Z' }, 'no contact for 42 days'],
    ['two unanswered in a row', { createdAt: '2026-11-20T08:00:00Z', lastOutcomes: ['no-answer', 'voicemail'], lastDoneAt: '2026-11-21T08:00:00Z' }, 'the last 2 follow-ups went unanswered (no-answer, voicemail)'],
    ['bounced then no-show', { createdAt: '2026-11-20T08:00:00Z', lastOutcomes: ['bounced', 'no-show'], lastDoneAt: '2026-11-21T08:00:00Z' }, 'the last 2 follow-ups went unanswered (bounced, no-show)'],
    ['only one unanswered', { createdAt: '2026-11-20T08:00:00Z', lastOutcomes: ['no-answer'], lastDoneAt: '2026-11-21T08:00:00Z' }, null],
    ['answered last time', { createdAt: '2026-11-20T08:00:00Z', lastOutcomes: ['replied', 'no-answer'], lastDoneAt: '2026-11-21T08:00:00Z' }, null],
    ['unanswered before an answer', { createdAt: '2026-11-20T08:00:00Z', lastOutcomes: ['no-answer', 'reached'], lastDoneAt: '2026-11-21T08:00:00Z' }, null],
    ['no recorded outcome', { createdAt: '2026-11-20T08:00:00Z', lastOutcomes: [null, null], lastDoneAt: '2026-11-21T08:00:00Z' }, null],
  ])('%s', (_what, history, expected) => {
    expect(goneQuiet({ ...base, ...history }, NOW)).toBe(expected);
  });
});
