// Messages the front-desk screen shows when a request is refused, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const frontDeskMessages = {
  phoneOrEmailRequired: (): Message => ({
    nb: 'Oppgi telefonnummer eller e-postadresse for å finne innringerens tidligere meldinger.',
    nn: 'Oppgi telefonnummer eller e-postadresse for å finne tidlegare meldingar frå innringaren.',
    en: "Give a phone number or an email address to find the caller's earlier reports.",
  }),
  pointIncomplete: (): Message => ({
    nb: 'Oppgi både breddegrad og lengdegrad, eller ingen av dem.',
    nn: 'Oppgi både breiddegrad og lengdegrad, eller ingen av dei.',
    en: 'Give both latitude and longitude, or neither.',
  }),
  categoryNotFound: (): Message => ({
    nb: 'Fant ikke kategorien i denne kommunen.',
    nn: 'Fann ikkje kategorien i denne kommunen.',
    en: 'Could not find the category in this municipality.',
  }),
};
