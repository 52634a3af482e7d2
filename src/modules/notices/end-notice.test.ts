import { describe, expect, it } from 'vitest';
import { withoutLead } from './end-notice.ts';

describe('the title of a lifted boil-water advice', () => {
  it('drops the "Kokevarsel:" the template begins with, so the prefix does not say it twice', () => {
    expect(withoutLead('Kokevarsel: Heistad')).toBe('Heistad');
    expect(withoutLead('Kokevarsel – Heistad')).toBe('Heistad');
    expect(withoutLead('Boil-water advice: Heistad')).toBe('Heistad');
    expect(withoutLead('Boil water, Vestsiden')).toBe('Vestsiden');
  });

  it('keeps a title that only starts with the word, and one that is nothing else', () => {
    expect(withoutLead('Kokevarsel i sentrum')).toBe('Kokevarsel i sentrum');
    expect(withoutLead('Kokevarsel:')).toBe('Kokevarsel:');
  });

  it('answers at once for a long hostile title', () => {
    const started = performance.now();
    withoutLead(`Kokevarsel${' '.repeat(50_000)}x`);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
