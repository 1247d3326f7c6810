import { describe, expect, it } from 'vitest';
import { checkCurrency, formatMoney, parseAmount, toDecimalString, toMajor } from '../../src/core/money.js';

describe('parseAmount', () => {
  it.each([
    ['1500', 'USD', {}, 150000],
    ['1500.5', 'USD', {}, 150050],
    ['1,500.50', 'USD', {}, 150050],
    ['1_500', 'USD', {}, 150000],
    ['15k', 'USD', {}, 1500000],
    ['1.2m', 'USD', {}, 120000000],
    ['1.5k', 'JPY', {}, 1500],
    ['15000000', 'IDR', {}, 15000000],
    ['1500,50', 'EUR', { decimal: ',' }, 150050],
    ['1.500,50', 'EUR', { decimal: ',' }, 150050],
    ['0.001', 'BHD', {}, 1],
    ['0', 'USD', {}, 0],
  ] as const)('%s %s → %i minor units', (text, currency, options, minor) => {
    expect(parseAmount(text, currency, options)).toBe(minor);
  });

  it.each([
    ['abc', 'USD', /write a number/],
    ['-5', 'USD', /write a number/],
    ['1.005', 'USD', /USD has at most 2 decimals/],
    ['1.5', 'JPY', /JPY has at most 0 decimals/],
    ['', 'USD', /write a number/],
    ['1e5', 'USD', /write a number/],
    ['99999999999999999999', 'USD', /too large/],
  ])('refuses %j in %s', (text, currency, message) => {
    expect(() => parseAmount(text, currency)).toThrow(message);
  });
});

describe('currencies', () => {
  it.each([
    ['usd', 'USD'],
    [' idr ', 'IDR'],
  ])('%j → %s', (code, expected) => expect(checkCurrency(code)).toBe(expected));
  it.each(['US', 'DOLLAR', 'XYZ', ''])('refuses %j', (code) => expect(() => checkCurrency(code)).toThrow(/ISO 4217/));
});

describe('formatting', () => {
  it.each([
    [150050, 'USD', '1,500.50 USD', '1500.50', 1500.5],
    [1500, 'JPY', '1,500 JPY', '1500', 1500],
    [5, 'USD', '0.05 USD', '0.05', 0.05],
    [15000000, 'IDR', '15,000,000 IDR', '15000000', 15000000],
  ])('%i %s', (minor, currency, human, decimal, major) => {
    expect(formatMoney(minor, currency)).toBe(human);
    expect(toDecimalString(minor, currency)).toBe(decimal);
    expect(toMajor(minor, currency)).toBe(major);
  });
});
