// Porsgrunn's demo asset register: five fire hydrants and the sewage pumping station in Brevik.
// The ids follow the form of a real register (BH-nnnn, PST-nn) but are made up, as are the
// attributes; the points lie inside Porsgrunn (checked in demo-assets.test.ts). BH-0417 and PST-12
// carry the demo QR stickers (report-links/demo/porsgrunn.ts), and BH-0417 has a history of
// reports, so its page in admin shows what a hydrant with repeated faults looks like.
import type { DemoAsset, DemoAssetReport } from '../seed-demo-assets.ts';

export const porsgrunnDemoAssets: DemoAsset[] = [
  {
    externalId: 'BH-0417',
    type: 'hydrant',
    name: 'Storgata 118',
    location: { lat: 59.141, lon: 9.654 },
    attributes: { Dimensjon: 'DN 150', Type: 'Underjordisk', Anleggsår: '1987', Trykksone: 'Sentrum' },
  },
  {
    externalId: 'BH-0392',
    type: 'hydrant',
    name: 'Kirkegata 12',
    location: { lat: 59.1402, lon: 9.6571 },
    attributes: { Dimensjon: 'DN 100', Type: 'Overjordisk', Anleggsår: '2004', Trykksone: 'Sentrum' },
  },
  {
    externalId: 'BH-0455',
    type: 'hydrant',
    name: 'Vestsiden, Friergangen',
    location: { lat: 59.1391, lon: 9.6468 },
    attributes: { Dimensjon: 'DN 150', Type: 'Underjordisk', Anleggsår: '1979', Trykksone: 'Vestsiden' },
  },
  {
    externalId: 'BH-0511',
    type: 'hydrant',
    name: 'Osebakken',
    location: { lat: 59.1523, lon: 9.6478 },
    attributes: { Dimensjon: 'DN 100', Type: 'Underjordisk', Anleggsår: '1995', Trykksone: 'Osebakken' },
  },
  {
    externalId: 'BH-0603',
    type: 'hydrant',
    name: 'Heistad, Skolegata',
    location: { lat: 59.0781, lon: 9.6869 },
    attributes: { Dimensjon: 'DN 150', Type: 'Overjordisk', Anleggsår: '2011', Trykksone: 'Heistad' },
  },
  {
    externalId: 'PST-12',
    type: 'pumpestasjon',
    name: 'Brevik, Havnegata',
    location: { lat: 59.0545, lon: 9.6985 },
    attributes: { Funksjon: 'Avløp', Pumper: '2 × 7,5 kW', Overløp: 'Ja', Anleggsår: '1998' },
  },
];

/** Reports about BH-0417 over the last year: a hydrant that keeps failing stands out. */
export const porsgrunnDemoAssetReports: DemoAssetReport[] = [
  {
    externalId: 'BH-0417',
    category: 'vann-brannhydrant',
    daysAgo: 6,
    status: 'mottatt',
    description: 'Lokket på hydranten står på skrå og det lekker litt vann rundt.',
  },
  {
    externalId: 'BH-0417',
    category: 'vann-lekkasje',
    daysAgo: 74,
    status: 'utfort',
    description: 'Vann renner fra hydranten ned i rennesteinen.',
  },
  {
    externalId: 'BH-0417',
    category: 'vann-brannhydrant',
    daysAgo: 160,
    status: 'utfort',
    description: 'Hydranten er påkjørt, stolpen er bøyd.',
  },
  {
    externalId: 'BH-0417',
    category: 'vann-lekkasje',
    daysAgo: 290,
    status: 'utfort',
    description: 'Det lekker fra hydranten etter spyling.',
  },
];
