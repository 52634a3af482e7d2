// The demo municipality: Porsgrunn (4001) with a water and wastewater category tree, a few road
// and park categories, two teams and an on-call number. Data, not code: another municipality is
// another file like this one (or rows entered by its administrator).

import type { LocalizedText } from '../../../shared/language.ts';
import type { Question } from '../../categories/questions.ts';
import type { PublicLocation } from '../../categories/schema.ts';
import { porsgrunnDemoNotices } from '../../notices/demo/porsgrunn.ts';
import type { NoticeType } from '../../notices/schema.ts';
import type { DemoNotice } from '../../notices/seed-demo-notices.ts';
import { porsgrunnReportLinks } from '../../report-links/demo/porsgrunn.ts';
import type { DemoReportLink } from '../../report-links/seed-report-links.ts';
import { porsgrunnDemoSubscribers } from '../../subscriptions/demo/porsgrunn.ts';
import type { DemoSubscriber } from '../../subscriptions/seed-demo-subscribers.ts';

export interface DemoCategory {
  code: string;
  name: LocalizedText;
  help?: LocalizedText;
  acute?: boolean;
  contactRequired?: boolean;
  publicDescription?: boolean;
  /** How much of the place the public sees (default exact). */
  publicLocation?: PublicLocation;
  deadlineHours: number;
  team: string;
  questions?: Question[];
  /** Notice types that explain a report in this category (see categories.notice_types). */
  noticeTypes?: NoticeType[];
  /** The incident rule: this many reports within the radius within the window. */
  incident?: { minReports: number; radiusMeters: number; windowMinutes: number };
}

export interface DemoMunicipality {
  kommunenummer: string;
  name: string;
  slug: string;
  defaultLanguage: 'nb' | 'nn';
  languages: ('nb' | 'nn' | 'en')[];
  onCallPhone: string;
  contactEmail: string;
  teams: { code: string; name: string }[];
  groups: { code: string; name: LocalizedText; categories: DemoCategory[] }[];
  /** QR stickers on the municipality's hydrants, pumping stations and the like. */
  reportLinks?: DemoReportLink[];
  /** Loaded by the demo start only (startup/seed-demo.ts), never by seedMunicipality. */
  notices?: DemoNotice[];
  subscribers?: DemoSubscriber[];
}

const placeOptions: Question = {
  code: 'sted',
  type: 'single',
  required: false,
  label: { nb: 'Hvor er det?', nn: 'Kvar er det?', en: 'Where is it?' },
  options: [
    { code: 'vei', label: { nb: 'I veien', nn: 'I vegen', en: 'In the road' } },
    { code: 'fortau', label: { nb: 'På fortauet', nn: 'På fortauet', en: 'On the pavement' } },
    { code: 'grontareal', label: { nb: 'I et grøntområde', nn: 'I eit grøntområde', en: 'In a green area' } },
    { code: 'annet', label: { nb: 'Annet sted', nn: 'Annan stad', en: 'Somewhere else' } },
  ],
};

const neighboursToo: Question = {
  code: 'naboer',
  type: 'single',
  required: false,
  label: {
    nb: 'Gjelder det også naboene?',
    nn: 'Gjeld det òg naboane?',
    en: 'Are the neighbours affected too?',
  },
  options: [
    { code: 'ja', label: { nb: 'Ja', nn: 'Ja', en: 'Yes' } },
    { code: 'nei', label: { nb: 'Nei', nn: 'Nei', en: 'No' } },
    { code: 'vet-ikke', label: { nb: 'Vet ikke', nn: 'Veit ikkje', en: "Don't know" } },
  ],
};

export const porsgrunn: DemoMunicipality = {
  kommunenummer: '4001',
  name: 'Porsgrunn',
  slug: 'porsgrunn',
  defaultLanguage: 'nb',
  languages: ['nb', 'nn', 'en'],
  // A placeholder for the demo; the municipality's administrator sets the real vakttelefon.
  onCallPhone: '+47 35 00 00 00',
  contactEmail: 'va-demo@porsgrunn.example',
  teams: [
    { code: 'va-drift', name: 'VA drift' },
    { code: 'vei-og-park', name: 'Vei og park' },
  ],
  groups: [
    {
      code: 'vann',
      name: { nb: 'Vann', nn: 'Vatn', en: 'Water' },
      categories: [
        {
          code: 'vann-misfarget',
          name: {
            nb: 'Brunt eller misfarget vann',
            nn: 'Brunt eller misfarga vatn',
            en: 'Brown or discoloured water',
          },
          help: {
            nb: 'La kaldtvannet renne noen minutter først. Meld fra hvis det ikke blir klart.',
            nn: 'La kaldtvatnet renne nokre minutt først. Meld frå om det ikkje blir klart.',
            en: 'Run the cold tap for a few minutes first. Report it if the water does not clear.',
          },
          deadlineHours: 24,
          team: 'va-drift',
          noticeTypes: ['flushing', 'boil_water'],
          incident: { minReports: 5, radiusMeters: 500, windowMinutes: 120 },
          questions: [
            {
              code: 'rent-kaldt',
              type: 'boolean',
              required: true,
              label: {
                nb: 'Har du latt kaldtvannet renne i minst 5 minutter?',
                nn: 'Har du late kaldtvatnet renne i minst 5 minutt?',
                en: 'Have you run the cold tap for at least 5 minutes?',
              },
            },
            neighboursToo,
          ],
        },
        {
          code: 'vann-ikke-vann',
          name: {
            nb: 'Ikke vann (ikke varslet)',
            nn: 'Ikkje vatn (ikkje varsla)',
            en: 'No water (not announced)',
          },
          help: {
            nb: 'Sjekk driftsmeldingene først: det kan være et planlagt avbrudd.',
            nn: 'Sjekk driftsmeldingane først: det kan vere eit planlagt avbrot.',
            en: 'Check the notices first: it may be a planned shut-off.',
          },
          deadlineHours: 4,
          team: 'va-drift',
          noticeTypes: ['planned_shutoff', 'unplanned_shutoff'],
          incident: { minReports: 3, radiusMeters: 300, windowMinutes: 60 },
          questions: [
            {
              code: 'omfang',
              type: 'single',
              required: true,
              label: { nb: 'Hvem er uten vann?', nn: 'Kven er utan vatn?', en: 'Who is without water?' },
              options: [
                { code: 'bare-meg', label: { nb: 'Bare meg', nn: 'Berre meg', en: 'Only me' } },
                {
                  code: 'flere',
                  label: { nb: 'Flere husstander', nn: 'Fleire hushald', en: 'Several households' },
                  acute: true,
                },
                { code: 'vet-ikke', label: { nb: 'Vet ikke', nn: 'Veit ikkje', en: "Don't know" } },
              ],
            },
          ],
        },
        {
          code: 'vann-lavt-trykk',
          name: { nb: 'Lavt vanntrykk', nn: 'Lågt vasstrykk', en: 'Low water pressure' },
          deadlineHours: 48,
          team: 'va-drift',
          questions: [neighboursToo],
        },
        {
          code: 'vann-lekkasje',
          name: { nb: 'Vannlekkasje', nn: 'Vasslekkasje', en: 'Water leak' },
          help: {
            nb: 'Vann som kommer opp i bakken eller veien, eller en susende lyd fra kum eller hydrant.',
            nn: 'Vatn som kjem opp i bakken eller vegen, eller ein susande lyd frå kum eller hydrant.',
            en: 'Water coming up through the ground or the road, or a hissing sound from a manhole or hydrant.',
          },
          deadlineHours: 24,
          team: 'va-drift',
          questions: [
            placeOptions,
            {
              code: 'mengde',
              type: 'single',
              required: false,
              label: { nb: 'Hvor mye vann?', nn: 'Kor mykje vatn?', en: 'How much water?' },
              options: [
                { code: 'fuktig', label: { nb: 'Fuktig', nn: 'Fuktig', en: 'Damp' } },
                { code: 'renner', label: { nb: 'Det renner', nn: 'Det renn', en: 'It is running' } },
                {
                  code: 'fosser',
                  label: { nb: 'Det fosser', nn: 'Det fossar', en: 'It is gushing' },
                  acute: true,
                },
              ],
            },
          ],
        },
        {
          code: 'vann-lukt-smak',
          name: {
            nb: 'Lukt eller smak på vannet',
            nn: 'Lukt eller smak på vatnet',
            en: 'Water smells or tastes odd',
          },
          help: {
            nb: 'Vi kan trenge å kontakte deg for å ta en vannprøve.',
            nn: 'Vi kan trenge å kontakte deg for å ta ei vassprøve.',
            en: 'We may need to contact you to take a water sample.',
          },
          contactRequired: true,
          publicDescription: false,
          // The taste of the water matters to the neighbours too: show the area, not the home.
          publicLocation: 'coarse',
          deadlineHours: 24,
          team: 'va-drift',
          questions: [neighboursToo],
        },
        {
          code: 'vann-frosne-ror',
          name: { nb: 'Frosne rør', nn: 'Frosne røyr', en: 'Frozen pipes' },
          help: {
            nb: 'Rør inne i huset og stikkledningen fram til hovedledningen er huseierens ansvar.',
            nn: 'Røyr inne i huset og stikkleidninga fram til hovudleidninga er huseigaren sitt ansvar.',
            en: "Pipes inside the house and the service pipe up to the main are the homeowner's responsibility.",
          },
          deadlineHours: 48,
          team: 'va-drift',
        },
        {
          code: 'vann-brannhydrant',
          name: { nb: 'Skadet brannhydrant', nn: 'Skadd brannhydrant', en: 'Damaged fire hydrant' },
          deadlineHours: 72,
          team: 'va-drift',
          questions: [
            {
              code: 'hydrantnummer',
              type: 'text',
              required: false,
              label: {
                nb: 'Hydrantnummer (står på skiltet)',
                nn: 'Hydrantnummer (står på skiltet)',
                en: 'Hydrant number (on the sign)',
              },
            },
          ],
        },
      ],
    },
    {
      code: 'avlop',
      name: { nb: 'Avløp', nn: 'Avløp', en: 'Wastewater' },
      categories: [
        {
          code: 'avlop-tett',
          name: {
            nb: 'Tett avløp eller kloakkstopp',
            nn: 'Tett avløp eller kloakkstopp',
            en: 'Blocked sewer',
          },
          deadlineHours: 8,
          team: 'va-drift',
          questions: [neighboursToo],
        },
        {
          code: 'avlop-lukt',
          name: { nb: 'Kloakklukt', nn: 'Kloakklukt', en: 'Sewage smell' },
          deadlineHours: 72,
          team: 'va-drift',
        },
        {
          code: 'avlop-tilbakeslag',
          name: {
            nb: 'Tilbakeslag eller oversvømt kjeller',
            nn: 'Tilbakeslag eller oversvømd kjellar',
            en: 'Backflow or flooded basement',
          },
          help: {
            nb: 'Ring vakttelefonen med en gang. Meldingen her kommer i tillegg.',
            nn: 'Ring vakttelefonen med ein gong. Meldinga her kjem i tillegg.',
            en: 'Phone the on-call number at once. This report comes in addition.',
          },
          acute: true,
          contactRequired: true,
          publicDescription: false,
          // Someone's own basement: no place is shown at all.
          publicLocation: 'hidden',
          deadlineHours: 2,
          team: 'va-drift',
          questions: [
            {
              code: 'kloakk-i-kjeller',
              type: 'boolean',
              required: true,
              label: {
                nb: 'Er det kloakk i kjelleren?',
                nn: 'Er det kloakk i kjellaren?',
                en: 'Is there sewage in the basement?',
              },
            },
            {
              code: 'vanndybde-cm',
              type: 'number',
              required: false,
              min: 0,
              max: 500,
              label: {
                nb: 'Omtrent hvor dypt er vannet (cm)?',
                nn: 'Om lag kor djupt er vatnet (cm)?',
                en: 'About how deep is the water (cm)?',
              },
            },
          ],
        },
        {
          code: 'avlop-kumlokk',
          name: {
            nb: 'Kumlokk løst, skadet eller mangler',
            nn: 'Kumlok laust, skadd eller manglar',
            en: 'Manhole cover loose, damaged or missing',
          },
          help: {
            nb: 'Mangler lokket helt: ring vakttelefonen, og sikre hullet hvis du trygt kan.',
            nn: 'Manglar loket heilt: ring vakttelefonen, og sikre holet om du trygt kan.',
            en: 'If the cover is missing: phone the on-call number, and guard the hole if you safely can.',
          },
          deadlineHours: 24,
          team: 'va-drift',
          questions: [
            {
              code: 'tilstand',
              type: 'single',
              required: true,
              label: {
                nb: 'Hva er galt med lokket?',
                nn: 'Kva er gale med loket?',
                en: 'What is wrong with the cover?',
              },
              options: [
                {
                  code: 'lost',
                  label: {
                    nb: 'Det ligger løst eller klaprer',
                    nn: 'Det ligg laust eller klaprar',
                    en: 'It is loose or rattles',
                  },
                },
                { code: 'skadet', label: { nb: 'Det er skadet', nn: 'Det er skadd', en: 'It is damaged' } },
                {
                  code: 'mangler',
                  label: { nb: 'Det mangler', nn: 'Det manglar', en: 'It is missing' },
                  acute: true,
                },
              ],
            },
            placeOptions,
          ],
        },
        {
          code: 'avlop-sluk',
          name: { nb: 'Tett sluk eller rist', nn: 'Tett sluk eller rist', en: 'Blocked gully or drain' },
          deadlineHours: 72,
          team: 'va-drift',
          questions: [placeOptions],
        },
        {
          code: 'avlop-overvann',
          name: { nb: 'Overvann eller flom', nn: 'Overvatn eller flaum', en: 'Surface water or flooding' },
          deadlineHours: 24,
          team: 'va-drift',
          questions: [placeOptions],
        },
      ],
    },
    {
      code: 'vei',
      name: { nb: 'Vei og gate', nn: 'Veg og gate', en: 'Roads and streets' },
      categories: [
        {
          code: 'vei-hull',
          name: { nb: 'Hull i veien', nn: 'Hol i vegen', en: 'Pothole' },
          deadlineHours: 168,
          team: 'vei-og-park',
        },
        {
          code: 'vei-gatelys',
          name: { nb: 'Gatelys ute av drift', nn: 'Gatelys ute av drift', en: 'Street light out' },
          help: {
            nb: 'Skriv gjerne nummeret på lysstolpen.',
            nn: 'Skriv gjerne nummeret på lysstolpen.',
            en: 'Please give the number on the lamp post if you can.',
          },
          deadlineHours: 336,
          team: 'vei-og-park',
        },
        {
          code: 'vei-skilt',
          name: {
            nb: 'Skadet eller manglende skilt',
            nn: 'Skadd eller manglande skilt',
            en: 'Damaged or missing sign',
          },
          deadlineHours: 168,
          team: 'vei-og-park',
        },
      ],
    },
    {
      code: 'park',
      name: { nb: 'Park og friområde', nn: 'Park og friområde', en: 'Parks and open spaces' },
      categories: [
        {
          code: 'park-lekeplass',
          name: { nb: 'Skade på lekeplass', nn: 'Skade på leikeplass', en: 'Damaged playground' },
          deadlineHours: 72,
          team: 'vei-og-park',
        },
        {
          code: 'park-benk',
          name: { nb: 'Skadet benk eller bord', nn: 'Skadd benk eller bord', en: 'Damaged bench or table' },
          deadlineHours: 336,
          team: 'vei-og-park',
        },
        {
          code: 'park-forsopling',
          name: { nb: 'Søppel og forsøpling', nn: 'Søppel og forsøpling', en: 'Litter and dumping' },
          deadlineHours: 168,
          team: 'vei-og-park',
        },
      ],
    },
  ],
  reportLinks: porsgrunnReportLinks,
  notices: porsgrunnDemoNotices,
  subscribers: porsgrunnDemoSubscribers,
};
