// A symbol or code in an amount decides its currency when it names one; '$', '¥' and 'kr' take the one said.
import { describe, expect, it } from 'vitest';
import { parseAmount, readMoney, type MoneyOptions } from '../../src/core/money.js';

const read = (text: string, options: MoneyOptions = {}) => {
  try {
    return readMoney(text, options);
  } catch (error) {
    return (error as Error).message;
  }
};

describe('readMoney', () => {
  it.each([
    ['1500', {}, { minor: 150000, currency: 'USD' }],
    ['€1.500,50', {}, { minor: 150050, currency: 'EUR' }],
    ['1.500,50 €', {}, { minor: 150050, currency: 'EUR' }],
    ['EUR 1.500,50', {}, { minor: 150050, currency: 'EUR' }],
    ['1500.50 eur', {}, { minor: 150050, currency: 'EUR' }],
    ['£2,300.00', {}, { minor: 230000, currency: 'GBP' }],
    ['Rp 15.000.000', {}, { minor: 15000000, currency: 'IDR' }],
    ['Rp 15.000.000,-', {}, { minor: 15000000, currency: 'IDR' }],
    ['US$ 3,500', {}, { minor: 350000, currency: 'USD' }],
    ['8\u00a0500,00\u00a0€', {}, { minor: 850000, currency: 'EUR' }],
    ['1\u202f250,00 €', {}, { minor: 125000, currency: 'EUR' }],
    ["CHF 1'250.50", {}, { minor: 125050, currency: 'CHF' }],
    ['$3,500', {}, { minor: 350000, currency: 'USD', readAs: "'$' read as USD (the default): say another with --currency" }],
    ['$3,500', { currency: 'CAD', currencyFrom: '--currency' }, { minor: 350000, currency: 'CAD' }],
    ['¥150000', { currency: 'JPY', currencyFrom: 'SALESCTL_CURRENCY' }, { minor: 150000, currency: 'JPY' }],
    ['1.200 kr', { currency: 'SEK', currencyFrom: '--currency', decimal: ',' }, { minor: 120000, currency: 'SEK' }],
    ['12.000', { decimal: ',' }, { minor: 1200000, currency: 'USD' }],
    ['12,000', {}, { minor: 1200000, currency: 'USD' }],
    ['1,5', {}, { minor: 150, currency: 'USD' }],
    ['¥150000', {}, "cannot read the amount '¥150000': '¥' could be JPY, CNY: say which with --currency (or SALESCTL_CURRENCY)"],
    ['500 kr', {}, "cannot read the amount '500 kr': 'kr' could be SEK, NOK, DKK, ISK: say which with --currency (or SALESCTL_CURRENCY)"],
    ['$12,500.00', { currency: 'EUR', currencyFrom: "the column 'Currency'" }, "cannot read the amount '$12,500.00': '$' is not EUR, which the column 'Currency' says"],
    ['€100', { currency: 'USD', currencyFrom: '--currency', flag: '--value' }, "cannot read the amount '€100' for --value: '€' is EUR but --currency says USD"],
    ['8.500', {}, "cannot read the amount '8.500': it could be 8500 or 8.5: write 8500 (no separator) or 8.50"],
    ['1,500', { decimal: ',' }, "cannot read the amount '1,500': it could be 1500 or 1,5: write 1500 (no separator) or 1,50"],
    ['EUR 5 €', {}, "cannot read the amount 'EUR 5 €': write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500"],
    ['12 bananas', {}, "cannot read the amount '12 bananas': write a number such as 1500, 1,500.50, 1.500,50 € or EUR 1500"],
    ['XYZ 12', {}, "unknown currency 'XYZ': use an ISO 4217 code such as USD, EUR or IDR"],
  ] as Array<[string, MoneyOptions, unknown]>)('%j %j → %j', (text, options, expected) => {
    expect(read(text, options)).toEqual(expected);
  });

  it('keeps reading 0.001 BHD and 1.2m as before', () => {
    expect(parseAmount('0.001', 'BHD')).toBe(1);
    expect(parseAmount('1.2m', 'USD')).toBe(120000000);
    expect(parseAmount('1.500', 'BHD')).toBe(1500);
  });
});
