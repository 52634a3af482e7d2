// Made-up subscribers for the Porsgrunn demo, at sample addresses inside the demo notices' areas
// (and one outside), confirmed by email on example.no / example.org, which no mail reaches.
// One is vulnerable (home dialysis), as the municipality's lists of sårbare abonnenter hold.
import type { DemoSubscriber } from '../seed-demo-subscribers.ts';

export const porsgrunnDemoSubscribers: DemoSubscriber[] = [
  {
    address: 'Vestsidevegen 10',
    lat: 59.13732,
    lon: 9.640635,
    language: 'nb',
    email: 'ola.nordmann@example.no',
  },
  {
    address: 'Vestsidevegen 25',
    lat: 59.138628,
    lon: 9.640461,
    language: 'nb',
    email: 'kari.hansen@example.org',
    vulnerableNote: 'Hjemmedialyse',
    contactName: 'Kari Hansen',
  },
  { address: 'Olavs gate 5', lat: 59.142303, lon: 9.661517, language: 'nn', email: 'per.olsen@example.no' },
  {
    address: 'Sverres gate 8',
    lat: 59.138856,
    lon: 9.664855,
    language: 'en',
    email: 'anna.smith@example.org',
  },
  { address: 'Storgata 40', lat: 59.137838, lon: 9.652056, language: 'nb', email: 'ingrid.berg@example.no' },
];
