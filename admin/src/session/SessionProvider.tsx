// Who is logged in. On load it asks GET /api/v1/staff/session: 200 is a session, 401 is nobody
// (the login page). Any 401 later (the session ran out or was ended on another device) returns
// to "nobody", and the routes send the person to the login page.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client.ts';
import { useLanguage } from '../i18n/index.ts';
import { sessionApi } from './api.ts';
import type { StaffSession } from './types.ts';

export type SessionState =
  | { status: 'loading' }
  /** `problem`: checking the session failed for another reason than 401 (shown on the login page). */
  | { status: 'anonymous'; problem?: ApiError }
  | { status: 'authenticated'; session: StaffSession };

export interface SessionValue {
  state: SessionState;
  /** Resolves with the session, or rejects with the server's ApiError (401, 429, …). */
  login(email: string, password: string): Promise<StaffSession>;
  logout(): Promise<void>;
  logoutEverywhere(): Promise<void>;
  /** Reads the session again (after a change to one's own memberships, say). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { setLanguage } = useLanguage();

  const accept = useCallback(
    (session: StaffSession) => {
      setCsrfToken(session.csrfToken);
      setLanguage(session.user.language);
      setState({ status: 'authenticated', session });
      return session;
    },
    [setLanguage],
  );

  const forget = useCallback((problem?: ApiError) => {
    setCsrfToken(null);
    setState(problem ? { status: 'anonymous', problem } : { status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await sessionApi.current());
    } catch (error) {
      if (error instanceof ApiError && error.status !== 401) forget(error);
      else if (error instanceof ApiError) forget();
      else throw error;
    }
  }, [accept, forget]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setState((current) => (current.status === 'authenticated' ? { status: 'anonymous' } : current));
      }),
    [],
  );

  const login = useCallback(
    async (email: string, password: string) => accept(await sessionApi.login(email, password)),
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await sessionApi.logout();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    forget();
  }, [forget]);

  const logoutEverywhere = useCallback(async () => {
    try {
      await sessionApi.logoutEverywhere();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    forget();
  }, [forget]);

  const value = useMemo(
    () => ({ state, login, logout, logoutEverywhere, refresh }),
    [state, login, logout, logoutEverywhere, refresh],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}
