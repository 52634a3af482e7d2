// Two QR stickers for the demo municipality Porsgrunn: a fire hydrant in the town centre and a
// sewage pumping station in Brevik. The asset numbers and addresses are made up for the demo;
// the points lie inside Porsgrunn's boundary (checked in demo-links.test.ts).
import type { DemoReportLink } from '../seed-report-links.ts';

export const porsgrunnReportLinks: DemoReportLink[] = [
  {
    code: 'pg-bh0417',
    label: {
      nb: 'Brannhydrant BH-0417 i Storgata',
      nn: 'Brannhydrant BH-0417 i Storgata',
      en: 'Fire hydrant BH-0417 in Storgata',
    },
    location: { lat: 59.141, lon: 9.654 },
    address: 'Storgata 118, 3915 Porsgrunn',
    assetRef: 'BH-0417',
    suggestedCategories: ['vann-brannhydrant', 'vann-lekkasje'],
  },
  {
    code: 'pg-pst12',
    label: {
      nb: 'Avløpspumpestasjon PST-12 i Brevik',
      nn: 'Avløpspumpestasjon PST-12 i Brevik',
      en: 'Sewage pumping station PST-12 in Brevik',
    },
    location: { lat: 59.0545, lon: 9.6985 },
    address: 'Havnegata 2, 3950 Brevik',
    assetRef: 'PST-12',
    suggestedCategories: ['avlop-lukt', 'avlop-tett', 'avlop-overvann'],
  },
];
