import { describe, expect, it } from 'vitest';
import { CURRENCY_DIGITS, currencyDigits } from '../../src/core/money.js';

describe('currencyDigits', () => {
  it.each(Intl.supportedValuesOf('currency'))('%s has the decimals Intl.NumberFormat gives it', (currency) => {
    const intl = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
    expect(currencyDigits(currency)).toBe(intl);
  });

  it('lists only currencies that are not 2-decimal', () => {
    expect(Object.values(CURRENCY_DIGITS).every((digits) => digits !== 2)).toBe(true);
  });
});
