import { describe, expect, it } from 'vitest';
import { hasControlCharacters, isEmailAddress, withoutTrailingSlashes } from './text.ts';

describe('isEmailAddress', () => {
  it('takes plain addresses and refuses what is not one', () => {
    expect(isEmailAddress('kari@example.no')).toBe(true);
    expect(isEmailAddress('kari.nordmann+vann@post.porsgrunn.kommune.no')).toBe(true);
    for (const bad of [
      'kari',
      'kari@',
      '@example.no',
      'kari@example',
      'ka ri@example.no',
      'a@b@c.no',
      'a@.no',
    ])
      expect(isEmailAddress(bad), bad).toBe(false);
    expect(isEmailAddress(`${'a'.repeat(250)}@b.no`)).toBe(false);
  });

  it('answers at once for the input that made the old expression backtrack for seconds', () => {
    const attack = `a@${'.'.repeat(30_000)}@`;
    const started = performance.now();
    for (let i = 0; i < 100; i += 1) isEmailAddress(attack.slice(0, 254));
    expect(isEmailAddress(attack)).toBe(false);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('hasControlCharacters', () => {
  it('finds C0, DEL and C1; multi-line text keeps tab and line breaks', () => {
    expect(hasControlCharacters('Storgata 1, 3915 Porsgrunn – æøå 🚰', false)).toBe(false);
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f'])
      for (const multiLine of [true, false]) expect(hasControlCharacters(`a${c}b`, multiLine)).toBe(true);
    expect(hasControlCharacters('a\tb\r\nc', true)).toBe(false);
    expect(hasControlCharacters('a\tb', false)).toBe(true);
    expect(hasControlCharacters('a\nb', false)).toBe(true);
  });
});

describe('withoutTrailingSlashes', () => {
  it('removes every slash at the end and nothing else', () => {
    expect(withoutTrailingSlashes('https://x.no/a///')).toBe('https://x.no/a');
    expect(withoutTrailingSlashes('https://x.no/a')).toBe('https://x.no/a');
    expect(withoutTrailingSlashes('///')).toBe('');
  });
});
