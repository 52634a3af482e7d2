// The UI language: the staff member's own (from the session), switchable in the header, kept in
// this browser for the login page. <html lang> follows it, and the API is asked for it.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/client.ts';
import { isLanguage, type Language, type Params, type PluralKey, type TextKey } from './catalog.ts';
import { formatDateTime, formatRelative } from './format.ts';
import { translate, translatePlural } from './messages.ts';

const STORAGE_KEY = 'meldepunkt.admin.language';

export interface Translator {
  (key: TextKey, params?: Params): string;
  plural(key: PluralKey, count: number, params?: Params): string;
  dateTime(value: Date | string | number, options?: Intl.DateTimeFormatOptions): string;
  relative(value: Date | string | number): string;
  readonly language: Language;
}

interface I18nState {
  language: Language;
  setLanguage(language: Language): void;
  t: Translator;
}

const I18nContext = createContext<I18nState | null>(null);

/** The language chosen before in this browser, else bokmål (the user's own comes with the session). */
function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be switched off.
  }
  return 'nb';
}

function translator(language: Language): Translator {
  return Object.assign((key: TextKey, params?: Params) => translate(language, key, params), {
    plural: (key: PluralKey, count: number, params?: Params) => translatePlural(language, key, count, params),
    dateTime: (value: Date | string | number, options?: Intl.DateTimeFormatOptions) =>
      formatDateTime(language, value, options),
    relative: (value: Date | string | number) => formatRelative(language, value),
    language,
  });
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(() => {
    const first = initialLanguage();
    setApiLanguage(first);
    return first;
  });

  const setLanguage = useCallback((next: Language) => {
    setApiLanguage(next);
    setState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered; it still applies until the page is closed.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo(() => ({ language, setLanguage, t: translator(language) }), [language, setLanguage]);
  return <I18nContext value={value}>{children}</I18nContext>;
}

function useI18n(): I18nState {
  const state = useContext(I18nContext);
  if (!state) throw new Error('useT() and useLanguage() need an <I18nProvider> above them');
  return state;
}

/** The text function for the current language: t('key', params), t.plural(), t.dateTime(), t.relative(). */
export function useT(): Translator {
  return useI18n().t;
}

export function useLanguage(): { language: Language; setLanguage(language: Language): void } {
  const { language, setLanguage } = useI18n();
  return { language, setLanguage };
}
