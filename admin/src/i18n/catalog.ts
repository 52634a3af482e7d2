// The shape every language's catalog has: that of the bokmål one.
import type { nb } from './nb.ts';

export type Catalog = typeof nb;
export type MessageKey = keyof Catalog;
/** Keys whose text has one form. */
export type TextKey = { [K in MessageKey]: Catalog[K] extends string ? K : never }[MessageKey];
/** Keys whose text depends on a number (Intl.PluralRules categories). */
export type PluralKey = Exclude<MessageKey, TextKey>;
export type Params = Record<string, string | number>;

export const LANGUAGES = ['nb', 'nn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
