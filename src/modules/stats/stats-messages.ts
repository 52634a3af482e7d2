// Messages the dashboard shows when its date range is refused, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const statsMessages = {
  fromAfterTo: (): Message => ({
    nb: 'Fra-datoen må være før eller lik til-datoen.',
    nn: 'Frå-datoen må vere før eller lik til-datoen.',
    en: 'The from date must be on or before the to date.',
  }),
  rangeTooLong: (years: number): Message => ({
    nb: `Perioden kan være høyst ${years} år.`,
    nn: `Perioden kan vere høgst ${years} år.`,
    en: `The period can be at most ${years} years.`,
  }),
};
