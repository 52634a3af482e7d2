// Where a language chosen in the header waits until it is saved on the account (PUT
// /api/v1/staff/account), so it survives a login, a reload and a deep link:
// - chosen on the login page: in this tab (sessionStorage, which also survives the round trip
//   through a municipality's login) until the login it was chosen for;
// - chosen while logged in: in this browser, with the account's id, until the account has it. A
//   session opened through one municipality's login may not change the account (403
//   `account_session_scoped`); there the choice simply stays in this browser.
import { isLanguage, type Language } from '../i18n/index.ts';

const LOGIN_KEY = 'meldepunkt.admin.loginLanguage';
const UNSAVED_KEY = 'meldepunkt.admin.unsavedLanguage';

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key);
  } catch {
    // Storage switched off: the choice lasts as long as the page.
    return null;
  }
}

function write(storage: () => Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage().removeItem(key);
    else storage().setItem(key, value);
  } catch {
    // As above.
  }
}

/** Chosen before logging in, for the login to come. */
export function rememberLoginChoice(language: Language): void {
  write(() => sessionStorage, LOGIN_KEY, language);
}

/** The login page's choice, once: the login it was for has happened. */
export function takeLoginChoice(): Language | null {
  const language = read(() => sessionStorage, LOGIN_KEY);
  write(() => sessionStorage, LOGIN_KEY, null);
  return isLanguage(language) ? language : null;
}

/** A choice the account does not have yet. */
export function keepUnsaved(userId: string, language: Language): void {
  write(() => localStorage, UNSAVED_KEY, JSON.stringify({ userId, language }));
}

/** This account's choice that is not saved on it yet, if any. */
export function unsavedFor(userId: string): Language | null {
  const choice = kept();
  return choice?.userId === userId && isLanguage(choice.language) ? choice.language : null;
}

function kept(): { userId?: unknown; language?: unknown } | null {
  const text = read(() => localStorage, UNSAVED_KEY);
  if (!text) return null;
  try {
    return JSON.parse(text) as { userId?: unknown; language?: unknown };
  } catch {
    return null;
  }
}

/**
 * The account has the language now, or was given one on purpose ("My account"). With `language`,
 * only a choice of that language is forgotten: a later choice made while it was saved stays.
 */
export function forgetUnsaved(language?: Language): void {
  if (language && kept()?.language !== language) return;
  write(() => localStorage, UNSAVED_KEY, null);
}
