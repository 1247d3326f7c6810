// Limits on what a salesperson types, so a pasted file does not end up in a name or a note.
import { UsageError } from '../errors.js';

/** The longest note, reason, lesson or journal line accepted (characters). */
export const MAX_TEXT = 10_000;
/** The longest name of a prospect or company (and an imported stage). */
export const MAX_NAME = 200;
/** The longest deal title. */
export const MAX_TITLE = 500;

/** Trims `value` and refuses it when longer than `max`; empty becomes null. */
export function optionalText(value: string | undefined, what: string, max = MAX_TEXT): string | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (text.length > max) throw new UsageError(`${what} is ${text.length} characters long: at most ${max} are allowed`);
  return text || null;
}

/** Like optionalText, but empty is refused too. */
export function requireText(value: string | undefined, what: string, max = MAX_TEXT): string {
  const text = optionalText(value ?? '', what, max);
  if (!text) throw new UsageError(`${what} is empty: give some text`);
  return text;
}
