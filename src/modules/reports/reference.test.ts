import { describe, expect, it } from 'vitest';
import { createdMeanwhile, formatReference, norwegianYear, REFERENCE_PATTERN } from './reference.ts';

describe('norwegianYear', () => {
  it.each([
    // Winter: Oslo is UTC+1, so 23:00Z on New Year's Eve is already the new year.
    ['2026-12-31T23:30:00Z', 2027],
    ['2026-12-31T23:00:00Z', 2027],
    ['2026-12-31T22:59:00Z', 2026],
    ['2027-01-01T00:30:00+01:00', 2027],
    ['2026-01-01T00:00:00Z', 2026],
    ['2026-07-01T12:00:00Z', 2026],
  ])('puts %s in %i', (iso, year) => {
    expect(norwegianYear(new Date(iso))).toBe(year);
  });
});

describe('formatReference', () => {
  it('pads the running number to five digits', () => {
    expect(formatReference('4001', 2026, 123)).toBe('4001-2026-00123');
    expect(formatReference('0301', 2027, 1)).toBe('0301-2027-00001');
    expect(formatReference('4001', 2026, 99_999)).toBe('4001-2026-99999');
  });

  it('does not truncate numbers beyond five digits', () => {
    expect(formatReference('4001', 2026, 123_456)).toBe('4001-2026-123456');
  });
});

describe('REFERENCE_PATTERN', () => {
  const pattern = new RegExp(REFERENCE_PATTERN);

  it.each([['4001-2026-00123'], ['0301-2027-00001'], ['4001-2026-123456']])('matches %s', (ref) => {
    expect(pattern.test(ref)).toBe(true);
  });

  it('matches what formatReference produces', () => {
    for (const n of [1, 42, 99_999, 100_000, 12_345_678]) {
      expect(pattern.test(formatReference('5501', 2030, n))).toBe(true);
    }
  });

  it.each([
    ['401-2026-00123'],
    ['40011-2026-00123'],
    ['4001-26-00123'],
    ['4001-2026-0123'],
    ['4001-2026-00123 '],
    [' 4001-2026-00123'],
    ['4001-2026-00123x'],
    ['4001_2026_00123'],
    ['abcd-2026-00123'],
    ['4001-2026-'],
    [''],
  ])('rejects %j', (ref) => {
    expect(pattern.test(ref)).toBe(false);
  });
});

describe('createdMeanwhile', () => {
  it('takes "already exists" and a unique violation on the catalog as the sequence being there', () => {
    // As node-postgres and PGlite raise them, and wrapped by Drizzle (the code on the cause).
    expect(createdMeanwhile(Object.assign(new Error('relation already exists'), { code: '42P07' }))).toBe(
      true,
    );
    expect(createdMeanwhile(new Error('Failed query', { cause: { code: '23505' } }))).toBe(true);
    expect(createdMeanwhile(Object.assign(new Error('permission denied'), { code: '42501' }))).toBe(false);
    expect(createdMeanwhile(new Error('connection lost'))).toBe(false);
  });
});
