import { describe, expect, it } from 'vitest';
import { checkEmail } from '../../src/core/email.js';

describe('checkEmail', () => {
  it.each(['budi@example.com', 'a@b', 'élise.durand@maison.fr', 'x+tag@sub.example.co.id'])('takes %j', (address) => {
    expect(() => checkEmail(address)).not.toThrow();
  });
  it.each(['budi', 'budi@', '@example.com', 'budi @example.com', 'a@b@c', 'a@b c', ''])('refuses %j', (address) => {
    expect(() => checkEmail(address)).toThrow(`'${address}' is not an email address: use e.g. budi@example.com`);
  });
  it('quotes what the user typed', () => {
    expect(() => checkEmail('budi', ' budi ')).toThrow("' budi ' is not an email address");
  });
});
