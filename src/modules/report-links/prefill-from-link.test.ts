import { describe, expect, it } from 'vitest';
import { type PrefillSource, prefillFromLink } from './prefill-from-link.ts';

function buildLink(overrides: Partial<PrefillSource> = {}): PrefillSource {
  return {
    id: '5f0c7c3e-3b0a-4c55-9d5e-0a1b2c3d4e5f',
    kommunenummer: '4001',
    label: { nb: 'Brannhydrant BH-0417', en: 'Fire hydrant BH-0417' },
    lat: 59.141,
    lon: 9.654,
    address: 'Storgata 118, 3915 Porsgrunn',
    assetRef: 'BH-0417',
    suggestedCategories: ['vann-brannhydrant', 'vann-lekkasje'],
    ...overrides,
  };
}

describe('prefillFromLink', () => {
  it('fills in the municipality, place, asset, categories and the link itself', () => {
    const link = buildLink();
    expect(prefillFromLink(link)).toEqual({
      kommunenummer: '4001',
      location: { lat: 59.141, lon: 9.654 },
      address: 'Storgata 118, 3915 Porsgrunn',
      assetRef: 'BH-0417',
      suggestedCategories: ['vann-brannhydrant', 'vann-lekkasje'],
      reportLinkId: link.id,
      label: { nb: 'Brannhydrant BH-0417', en: 'Fire hydrant BH-0417' },
    });
  });

  it('leaves out the place, address and asset when the link does not know them', () => {
    const prefill = prefillFromLink(
      buildLink({ lat: null, lon: null, address: null, assetRef: null, suggestedCategories: [] }),
    );
    expect(prefill).toEqual({
      kommunenummer: '4001',
      suggestedCategories: [],
      reportLinkId: '5f0c7c3e-3b0a-4c55-9d5e-0a1b2c3d4e5f',
      label: { nb: 'Brannhydrant BH-0417', en: 'Fire hydrant BH-0417' },
    });
    expect(Object.keys(prefill)).not.toContain('location');
  });

  it('treats blank address and asset text as unknown, and trims the rest', () => {
    const prefill = prefillFromLink(buildLink({ address: '   ', assetRef: '  PST-12 ' }));
    expect(prefill.address).toBeUndefined();
    expect(prefill.assetRef).toBe('PST-12');
  });

  it('keeps a place at zero degrees (a number, not a missing value)', () => {
    expect(prefillFromLink(buildLink({ lat: 0, lon: 0 })).location).toEqual({ lat: 0, lon: 0 });
  });

  it('gives the form its own list of categories, so changing it cannot change the link', () => {
    const link = buildLink();
    const prefill = prefillFromLink(link);
    prefill.suggestedCategories.push('avlop-lukt');
    expect(link.suggestedCategories).toEqual(['vann-brannhydrant', 'vann-lekkasje']);
  });
});
