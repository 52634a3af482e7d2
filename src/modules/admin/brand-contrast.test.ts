import { describe, expect, it } from 'vitest';
import { contrastWithWhite, MIN_CONTRAST_WITH_WHITE } from './brand-contrast.ts';

describe('contrast of white text on a brand colour', () => {
  it('matches WCAG reference values', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the lightest grey that passes AA on white (4.54:1); #777777 fails (4.48:1).
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
    expect(contrastWithWhite('#777777')).toBeLessThan(MIN_CONTRAST_WITH_WHITE);
  });

  it('passes the default brand colour and refuses a light yellow', () => {
    expect(contrastWithWhite('#005a8c')).toBeGreaterThan(MIN_CONTRAST_WITH_WHITE);
    expect(contrastWithWhite('#FFD700')).toBeLessThan(2);
  });
});
