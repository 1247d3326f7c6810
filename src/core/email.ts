// An email address as salesctl takes one: something, '@', something, no spaces; the mail server judges the rest.
import { UsageError } from '../errors.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Refuses `address` unless it is one email address; the message quotes `typed`, what the user gave. */
export function checkEmail(address: string, typed: string = address): void {
  if (!EMAIL.test(address)) throw new UsageError(`'${typed}' is not an email address: use e.g. budi@example.com`);
}
