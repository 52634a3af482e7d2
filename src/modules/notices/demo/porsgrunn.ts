// Porsgrunn's demo notices: one flushing under way on Vestsida and one planned shut-off around
// Olavs gate and Sverres gate in a few days, so a newcomer sees notices on the start page, the
// map, the list and the feeds at once. Times are relative to when the demo is seeded. The areas
// lie inside the municipality (resources/geo/porsgrunn-and-neighbours-2024.geojson) and over
// streets of the sample addresses, so "does this affect my address?" finds them.
import type { DemoNotice } from '../seed-demo-notices.ts';

export const porsgrunnDemoNotices: DemoNotice[] = [
  {
    type: 'flushing',
    startsInHours: -2,
    endsInHours: 48,
    title: {
      nb: 'Spyling av vannledninger på Vestsida',
      nn: 'Spyling av vassleidningar på Vestsida',
      en: 'Flushing of water mains on Vestsida',
    },
    body: {
      nb: 'Vi spyler vannledningene rundt Vestsidevegen. Vannet kan bli brunt eller misfarget i perioden. La kranen renne til vannet er klart igjen, og vent med klesvask.',
      nn: 'Vi spyler vassleidningane rundt Vestsidevegen. Vatnet kan bli brunt eller misfarga i perioden. La kranen renne til vatnet er klart att, og vent med klesvask.',
      en: 'We are flushing the water mains around Vestsidevegen. The water may turn brown or discoloured meanwhile. Run the tap until it is clear again, and wait with laundry.',
    },
    area: {
      type: 'Polygon',
      coordinates: [
        [
          [9.637, 59.1355],
          [9.6455, 59.1355],
          [9.6455, 59.1425],
          [9.637, 59.1425],
          [9.637, 59.1355],
        ],
      ],
    },
  },
  {
    type: 'planned_shutoff',
    startsInHours: 72,
    endsInHours: 78,
    title: {
      nb: 'Planlagt vannavstengning i Olavs gate og Sverres gate',
      nn: 'Planlagd vassavstenging i Olavs gate og Sverres gate',
      en: 'Planned water shut-off in Olavs gate and Sverres gate',
    },
    body: {
      nb: 'Vannet stenges mens vi skifter en ventil. Fyll vann på flasker og kjele før vi stenger, og la kranen renne litt når vannet kommer tilbake.',
      nn: 'Vatnet vert stengt medan vi skiftar ein ventil. Fyll vatn på flasker og kjele før vi stengjer, og la kranen renne litt når vatnet kjem tilbake.',
      en: 'The water will be shut off while we replace a valve. Fill bottles and a pan before we shut it off, and run the tap a little when the water comes back.',
    },
    area: { type: 'Circle', center: { lat: 59.1413, lon: 9.6637 }, radiusMetres: 350 },
  },
];
