// Messages of the inbox (filters, saved filters, export), in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const inboxMessages = {
  tooManyStreams: (max: number): Message => ({
    nb: `Denne innloggingen har allerede ${max} åpne direkteoppdateringer (faner). Lukk en fane og last siden på nytt.`,
    nn: `Denne innlogginga har allereie ${max} opne direkteoppdateringar (faner). Lukk ei fane og last sida på nytt.`,
    en: `This login already has ${max} live update streams open (tabs). Close a tab and reload the page.`,
  }),
  invalidFilter: (field: string, allowed: string): Message => ({
    nb: `Ugyldig filter «${field}». Tillatt: ${allowed}.`,
    nn: `Ugyldig filter «${field}». Tillate: ${allowed}.`,
    en: `Invalid filter "${field}". Allowed: ${allowed}.`,
  }),
  invalidDateRange: (): Message => ({
    nb: 'Fra-datoen må være før eller lik til-datoen.',
    nn: 'Frå-datoen må vere før eller lik til-datoen.',
    en: 'The from date must be on or before the to date.',
  }),
  invalidCursor: (): Message => ({
    nb: 'Sidemarkøren (cursor) er ugyldig eller hører til en annen sortering. Start på første side.',
    nn: 'Sidemarkøren (cursor) er ugyldig eller høyrer til ei anna sortering. Start på første side.',
    en: 'The cursor is not valid or belongs to another sort order. Start again from the first page.',
  }),
  savedFilterNameTaken: (name: string): Message => ({
    nb: `Du har allerede et lagret filter som heter «${name}». Velg et annet navn.`,
    nn: `Du har allereie eit lagra filter som heiter «${name}». Vel eit anna namn.`,
    en: `You already have a saved filter called "${name}". Choose another name.`,
  }),
  savedFilterNotFound: (): Message => ({
    nb: 'Fant ikke det lagrede filteret.',
    nn: 'Fann ikkje det lagra filteret.',
    en: 'The saved filter was not found.',
  }),
  exportPersonalForbidden: (): Message => ({
    nb: 'Du har ikke tilgang til å eksportere personopplysninger (navn, e-post, telefon) i denne kommunen.',
    nn: 'Du har ikkje tilgang til å eksportere personopplysningar (namn, e-post, telefon) i denne kommunen.',
    en: 'You may not export personal data (name, email, phone) in this municipality.',
  }),
};
