import type { Language } from '../shared/language.ts';
import { en } from './web-en.ts';
import { nb, type WebCatalog } from './web-nb.ts';
import { nn } from './web-nn.ts';

export type { WebCatalog };

const catalogs: Record<Language, WebCatalog> = { nb, nn, en };

/** The residents' page texts in one language. */
export function webText(language: Language): WebCatalog {
  return catalogs[language];
}

const locales: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Dates as people in Norway read them, in Norwegian time. */
export function formatDateTime(at: Date | string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(typeof at === 'string' ? new Date(at) : at);
}

export function formatDate(at: Date | string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'Europe/Oslo' }).format(
    typeof at === 'string' ? new Date(at) : at,
  );
}
