import { describe, expect, it } from 'vitest';
import { isPromptCancel } from '../src/context.js';

// Ctrl-C at a question, as @inquirer/core reports it (an ExitPromptError; its AbortPromptError and
// CancelPromptError are a signal and the program cancelling), and what is not.
const named = (name: string) => Object.assign(new Error('x'), { name });
describe('isPromptCancel', () => {
  it.each<[string, unknown, boolean]>([
    ['Ctrl-C (ExitPromptError)', named('ExitPromptError'), true],
    ['a prompt aborted by a signal', named('AbortPromptError'), false],
    ['a prompt cancelled by the program', named('CancelPromptError'), false],
    ['any other error', new Error('disk full'), false],
    ['not an error', undefined, false],
  ])('%s → %s', (_what, error, cancel) => {
    expect(isPromptCancel(error)).toBe(cancel);
  });
});
