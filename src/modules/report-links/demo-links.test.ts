import { beforeAll, describe, expect, it } from 'vitest';
import { loadMunicipalityLocator, type MunicipalityLocator } from '../geo/municipality-locator.ts';
import { porsgrunn } from '../tenants/demo/porsgrunn.ts';
import { porsgrunnReportLinks } from './demo/porsgrunn.ts';

describe("Porsgrunn's demo report links", () => {
  let locator: MunicipalityLocator;
  beforeAll(async () => {
    locator = await loadMunicipalityLocator();
  });

  it('are part of the demo municipality', () => {
    expect(porsgrunn.reportLinks).toBe(porsgrunnReportLinks);
    expect(porsgrunnReportLinks.map((link) => link.code)).toEqual(['pg-bh0417', 'pg-pst12']);
  });

  it.each(porsgrunnReportLinks)('$code lies in Porsgrunn (4001)', (link) => {
    if (!link.location) throw new Error(`${link.code} has no point`);
    expect(locator.locate(link.location.lat, link.location.lon)?.kommunenummer).toBe('4001');
  });

  it.each(porsgrunnReportLinks)('$code suggests only categories Porsgrunn has', (link) => {
    const codes = new Set(porsgrunn.groups.flatMap((group) => group.categories.map((c) => c.code)));
    expect(link.suggestedCategories.length).toBeGreaterThan(0);
    for (const code of link.suggestedCategories) expect(codes).toContain(code);
  });

  it.each(porsgrunnReportLinks)(
    '$code has a label in every language and a code the table accepts',
    (link) => {
      expect(link.label.nb && link.label.nn && link.label.en).toBeTruthy();
      expect(link.code).toMatch(/^[A-Za-z0-9_-]{3,40}$/);
    },
  );
});
