// Every language's catalog, and the functions that turn a key into text.
import type { Catalog, Language, Params, PluralKey, TextKey } from './catalog.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

export const messages: Record<Language, Catalog> = { nb, nn, en };

/** BCP 47 locales for Intl, most wanted first (a runtime without nn data falls back to nb). */
export const LOCALES: Record<Language, string[]> = {
  nb: ['nb-NO', 'no'],
  nn: ['nn-NO', 'nb-NO', 'no'],
  en: ['en-GB'],
};

function fill(text: string, params: Params = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function translate(language: Language, key: TextKey, params?: Params): string {
  return fill(messages[language][key], params);
}

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The form for `count` by Intl.PluralRules (no hand-made rules); `{count}` is filled in. */
export function translatePlural(language: Language, key: PluralKey, count: number, params?: Params): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  const forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string } = messages[language][key];
  const form = forms[rules.select(count)] ?? forms.other;
  return fill(form, { count: new Intl.NumberFormat(LOCALES[language]).format(count), ...params });
}
