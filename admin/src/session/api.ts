import { api } from '../api/client.ts';
import type { Language } from '../i18n/index.ts';
import type { LoginOptions, StaffSession } from './types.ts';

export const sessionApi = {
  /** 200 with the session, or ApiError 401 when nobody is logged in. */
  current: () => api.get<StaffSession>('/api/v1/staff/session'),
  /** 200 with the session; 401 `invalid_credentials`, 429 `login_throttled`. */
  login: (email: string, password: string) =>
    api.post<StaffSession>('/api/v1/staff/session', { email, password }),
  logout: () => api.delete('/api/v1/staff/session'),
  logoutEverywhere: () => api.post<void>('/api/v1/staff/session/logout-everywhere'),
  loginOptions: () => api.get<LoginOptions>('/api/v1/staff/login-options'),
  /** The account's language (403 `account_session_scoped` in a session that may not change it). */
  saveLanguage: (language: Language) => api.put<unknown>('/api/v1/staff/account', { language }),
};
