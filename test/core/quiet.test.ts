import { describe, expect, it } from 'vitest';
import { QUIET_ANSWERED_BY, quietReason } from '../../src/core/quiet.js';
import type { Purpose } from '../../src/core/vocab.js';

const NOW = Date.parse('2026-11-22T08:00:00Z');

// The rule as `due` calls it: the deal's last contact (the latest of its creation, completed follow-ups and
// commitments, which the open_deals triggers keep: test/commands/due-quiet.test.ts) and its last two outcomes.
describe('quietReason', () => {
  it.each<[string, string, string | null, string | null, string | null]>([
    ['a deal created 21 days ago with no contact since', '2026-11-01T08:00:00Z', null, null, 'no contact for 21 days'],
    ['a deal created 20 days ago', '2026-11-02T08:00:00Z', null, null, null],
    ['21 days less a minute', '2026-11-01T08:01:00Z', null, null, null],
    ['a completed follow-up 5 days ago', '2026-11-17T08:00:00Z', 'reached', null, null],
    ['a commitment 3 days ago', '2026-11-19T08:00:00Z', null, null, null],
    ['last contact 42 days ago', '2026-10-11T08:00:00Z', 'reached', null, 'no contact for 42 days'],
    ['two unanswered in a row', '2026-11-21T08:00:00Z', 'no-answer', 'voicemail', 'the last 2 follow-ups went unanswered (no-answer, voicemail)'],
    ['bounced then no-show', '2026-11-21T08:00:00Z', 'bounced', 'no-show', 'the last 2 follow-ups went unanswered (bounced, no-show)'],
    ['only one unanswered', '2026-11-21T08:00:00Z', 'no-answer', null, null],
    ['answered last time', '2026-11-21T08:00:00Z', 'replied', 'no-answer', null],
    ['unanswered before an answer', '2026-11-21T08:00:00Z', 'no-answer', 'reached', null],
    ['no recorded outcome', '2026-11-21T08:00:00Z', null, null, null],
  ])('%s', (_what, lastContactAt, latest, previous, expected) => {
    expect(quietReason(Date.parse(lastContactAt), latest, previous, NOW)).toBe(expected);
  });
});

// A scheduled call of these purposes has taken the advice already: its deal is not listed, however silent.
describe('QUIET_ANSWERED_BY', () => {
  it.each<[Purpose, boolean]>([
    ['truth', true],
    ['feedback', true],
    ['follow-up', false],
    ['closure', false],
    ['nurture', false],
  ])('%s → %s', (purpose, answers) => {
    expect(QUIET_ANSWERED_BY.includes(purpose)).toBe(answers);
  });
});
