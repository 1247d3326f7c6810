import { describe, expect, it } from 'vitest';
import { isClosure } from '../../src/core/vocab.js';

describe('isClosure', () => {
  it.each<[string, boolean]>([
    ['closure', true],
    ['follow-up', false],
    ['truth', false],
    ['feedback', false],
    ['nurture', false],
  ])('%s → %s', (purpose, closure) => {
    expect(isClosure(purpose)).toBe(closure);
  });
});
