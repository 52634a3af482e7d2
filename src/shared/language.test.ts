import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLanguage, LANGUAGES, localize, negotiateLanguage } from './language.ts';

describe('negotiateLanguage', () => {
  it('falls back when there is no header', () => {
    expect(negotiateLanguage(undefined)).toBe('nb');
    expect(negotiateLanguage(undefined, 'nn')).toBe('nn');
    expect(negotiateLanguage('', 'en')).toBe('en');
  });

  it.each([
    ['nn-NO,nn;q=0.9,en;q=0.5', 'nn'],
    ['en-GB,en;q=0.9', 'en'],
    ['no', 'nb'],
    ['nb-NO', 'nb'],
    ['NN', 'nn'],
    ['de,en;q=0.8', 'en'],
    ['nb;q=0.2,en;q=0.9', 'en'],
    ['en;q=0.5, nn;q=0.5', 'en'],
    ['en;q=0,nn', 'nn'],
    ['nn;q=0, en;q=0.1', 'en'],
    ['en;q=abc,nn;q=0.3', 'nn'],
    ['  en-US ; q=0.7 , fr', 'en'],
  ])('picks the best language from %j', (header, expected) => {
    // The fallback is never the expected answer, so a pass means the header decided.
    const fallback = expected === 'nn' ? 'nb' : 'nn';
    expect(negotiateLanguage(header, fallback)).toBe(expected);
  });

  it('falls back when no offered language is acceptable', () => {
    expect(negotiateLanguage('de,fr;q=0.8')).toBe('nb');
    expect(negotiateLanguage('de,fr;q=0.8', 'nn')).toBe('nn');
    expect(negotiateLanguage('en;q=0,nn;q=0', 'nb')).toBe('nb');
    expect(negotiateLanguage('*', 'en')).toBe('en');
  });

  it('never throws and always returns a supported language, whatever the header', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc
            .array(fc.stringMatching(/^[a-zA-Z-]{0,8}(;q=[0-9.]{0,5})?$/), { maxLength: 6 })
            .map((p) => p.join(',')),
        ),
        fc.constantFrom(...LANGUAGES),
        (header, fallback) => {
          const language = negotiateLanguage(header, fallback);
          expect(isLanguage(language)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('localize', () => {
  it('returns the text in the language asked for', () => {
    const text = { nb: 'Lekkasje', nn: 'Lekkasje på leidning', en: 'Leak' };
    expect(localize(text, 'nb')).toBe('Lekkasje');
    expect(localize(text, 'nn')).toBe('Lekkasje på leidning');
    expect(localize(text, 'en')).toBe('Leak');
  });

  it('falls back to bokmål when a translation is missing', () => {
    expect(localize({ nb: 'Kum' }, 'nn')).toBe('Kum');
    expect(localize({ nb: 'Kum', nn: 'Kum (nn)' }, 'en')).toBe('Kum');
  });
});

describe('isLanguage', () => {
  it('accepts exactly nb, nn and en', () => {
    expect(LANGUAGES.every(isLanguage)).toBe(true);
    expect(isLanguage('no')).toBe(false);
    expect(isLanguage('NB')).toBe(false);
    expect(isLanguage(undefined)).toBe(false);
  });
});
