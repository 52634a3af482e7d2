import { client, ok } from '../api/client.ts';
import type { Language } from '../i18n/index.ts';

export const sessionApi = {
  /** 200 with the session, or ApiError 401 when nobody is logged in. */
  current: () => ok(client.GET('/api/v1/staff/session')),
  /** 200 with the session; 401 `invalid_credentials`, 429 `login_throttled`. */
  /** With `deviceName`: a session kept on a named device (the field app), 30 days unused. */
  login: (email: string, password: string, deviceName?: string) =>
    ok(
      client.POST('/api/v1/staff/session', {
        body: { email, password, ...(deviceName ? { deviceName } : {}) },
      }),
    ),
  logout: () => ok(client.DELETE('/api/v1/staff/session')),
  logoutEverywhere: () => ok(client.POST('/api/v1/staff/session/logout-everywhere')),
  loginOptions: () => ok(client.GET('/api/v1/staff/login-options')),
  /** The account's language (403 `account_session_scoped` in a session that may not change it). */
  saveLanguage: (language: Language) => ok(client.PUT('/api/v1/staff/account', { body: { language } })),
};
