// Messages staff read when a notice change is refused, and the words the public text adds when a
// boil-water advice is lifted, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/language.ts';
import type { NoticeType } from './schema.ts';

export const noticeMessages = {
  invalidNotice: (): Message => ({
    nb: 'Driftsmeldingen kan ikke lagres. Se detaljene.',
    nn: 'Driftsmeldinga kan ikkje lagrast. Sjå detaljane.',
    en: 'The notice cannot be saved. See the details.',
  }),
  notFound: (): Message => ({
    nb: 'Fant ikke driftsmeldingen i denne kommunen.',
    nn: 'Fann ikkje driftsmeldinga i denne kommunen.',
    en: 'Could not find the notice in this municipality.',
  }),
  wrongStatus: (action: 'publish' | 'update' | 'end'): Message =>
    ({
      publish: {
        nb: 'Bare et utkast kan publiseres.',
        nn: 'Berre eit utkast kan publiserast.',
        en: 'Only a draft can be published.',
      },
      update: {
        nb: 'En avsluttet driftsmelding kan ikke endres.',
        nn: 'Ei avslutta driftsmelding kan ikkje endrast.',
        en: 'A notice that has ended cannot be changed.',
      },
      end: {
        nb: 'Bare en publisert driftsmelding kan avsluttes.',
        nn: 'Berre ei publisert driftsmelding kan avsluttast.',
        en: 'Only a published notice can be ended.',
      },
    })[action],
  outsideNorway: (): Message => ({
    nb: 'Området må ligge i Norge (lengdegrad, breddegrad i WGS84).',
    nn: 'Området må liggje i Noreg (lengdegrad, breiddegrad i WGS84).',
    en: 'The area must lie in Norway (longitude, latitude in WGS84).',
  }),
  radiusOutOfRange: (min: number, max: number): Message => ({
    nb: `Radius må være mellom ${min} og ${max} meter.`,
    nn: `Radius må vere mellom ${min} og ${max} meter.`,
    en: `The radius must be between ${min} and ${max} metres.`,
  }),
  polygonCount: (max: number): Message => ({
    nb: `Et område må ha mellom 1 og ${max} polygoner.`,
    nn: `Eit område må ha mellom 1 og ${max} polygon.`,
    en: `An area must have between 1 and ${max} polygons.`,
  }),
  ringCount: (max: number): Message => ({
    nb: `Et polygon må ha mellom 1 og ${max} ringer.`,
    nn: `Eit polygon må ha mellom 1 og ${max} ringar.`,
    en: `A polygon must have between 1 and ${max} rings.`,
  }),
  tooManyPoints: (max: number): Message => ({
    nb: `Et polygon kan ha høyst ${max} punkter.`,
    nn: `Eit polygon kan ha høgst ${max} punkt.`,
    en: `A polygon may have at most ${max} points.`,
  }),
  ringTooShort: (): Message => ({
    nb: 'En ring må ha minst fire punkter.',
    nn: 'Ein ring må ha minst fire punkt.',
    en: 'A ring needs at least four positions.',
  }),
  ringNotClosed: (): Message => ({
    nb: 'En ring må slutte i samme punkt som den begynner.',
    nn: 'Ein ring må slutte i same punkt som han byrjar.',
    en: 'A ring must end at the position it starts at.',
  }),
  ringWithoutArea: (): Message => ({
    nb: 'Ringen omslutter ikke noe areal.',
    nn: 'Ringen omsluttar ikkje noko areal.',
    en: 'The ring encloses no area.',
  }),
  endBeforeStart: (): Message => ({
    nb: 'Forventet slutt må være etter start.',
    nn: 'Forventa slutt må vere etter start.',
    en: 'The expected end must be after the start.',
  }),
  filledTooLong: (max: number): Message => ({
    nb: `Teksten blir lengre enn ${max} tegn når malen fylles ut. Forkort malen eller områdenavnet.`,
    nn: `Teksten blir lengre enn ${max} teikn når malen blir fylt ut. Kort ned malen eller områdenamnet.`,
    en: `The text would be longer than ${max} characters once the template is filled. Shorten the template or the area name.`,
  }),
};

/** Put before the title of a boil-water advice once it is lifted. */
export const LIFTED_TITLE_PREFIX: Required<LocalizedText> = {
  nb: 'Kokevarsel opphevet: ',
  nn: 'Kokevarsel oppheva: ',
  en: 'Boil-water advice lifted: ',
};

/** Put before the text of a boil-water advice once it is lifted. */
export const LIFTED_BODY_PREFIX: Required<LocalizedText> = {
  nb: 'Kokevarselet er opphevet. Vannet kan igjen drikkes uten koking. ',
  nn: 'Kokevarselet er oppheva. Vatnet kan igjen drikkast utan koking. ',
  en: 'The boil-water advice is lifted. The water is safe to drink again without boiling. ',
};

/** Each notice type, named for the public in each language. */
export const NOTICE_TYPE_LABELS: Record<NoticeType, Required<LocalizedText>> = {
  planned_shutoff: { nb: 'Planlagt vannstans', nn: 'Planlagd vasstans', en: 'Planned water shut-off' },
  unplanned_shutoff: { nb: 'Uplanlagt vannstans', nn: 'Uplanlagd vasstans', en: 'Unplanned water shut-off' },
  flushing: {
    nb: 'Spyling av vannledninger',
    nn: 'Spyling av vassleidningar',
    en: 'Flushing of water mains',
  },
  boil_water: { nb: 'Kokevarsel', nn: 'Kokevarsel', en: 'Boil-water advice' },
  boil_water_lifted: { nb: 'Kokevarsel opphevet', nn: 'Kokevarsel oppheva', en: 'Boil-water advice lifted' },
  roadworks: { nb: 'Gravearbeid', nn: 'Gravearbeid', en: 'Roadworks' },
  other: { nb: 'Annen informasjon', nn: 'Annan informasjon', en: 'Other information' },
};

/** The feeds' own titles. */
export const FEED_TITLE: Required<LocalizedText> = {
  nb: 'Driftsmeldinger',
  nn: 'Driftsmeldingar',
  en: 'Service notices',
};
