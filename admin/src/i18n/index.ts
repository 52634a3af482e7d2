export type { Language, MessageKey, Params, PluralKey, TextKey } from './catalog.ts';
export { isLanguage, LANGUAGES } from './catalog.ts';
export { formatDateTime, formatIsoWeek, formatRelative } from './format.ts';
export { I18nProvider, type Translator, useLanguage, useT } from './I18nProvider.tsx';
export { LOCALES, messages, translate, translatePlural } from './messages.ts';
