// Who is logged in. On load it asks GET /api/v1/staff/session: 200 is a session, 401 is nobody
// (the login page). Any 401 later (the session ran out or was ended on another device) returns
// to "nobody", and the routes send the person to the login page.
// The UI language is the account's, unless one was chosen that the account does not have yet
// (on the login page, or in a session that may not change the account): then that one, saved on
// the account as soon as it may be (language-choice.ts).
// Without a network (the field app in a van), the copy of the session the field app kept on the
// device stands in until the server answers again; a logout or a 401 drops that copy and every
// other thing the field app kept (offline/field-store.ts).
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, NETWORK_ERROR, onUnauthorized, setCsrfToken } from '../api/client.ts';
import { type Language, useLanguage } from '../i18n/index.ts';
import { dropAll, loadSession, setStoreOwner } from '../offline/field-store.ts';
import { sessionApi } from './api.ts';
import {
  forgetUnsaved as forgetUnsavedChoice,
  keepUnsaved,
  rememberLoginChoice,
  takeLoginChoice,
  unsavedFor,
} from './language-choice.ts';
import type { StaffSession } from './types.ts';

export type SessionState =
  | { status: 'loading' }
  /** `problem`: checking the session failed for another reason than 401 (shown on the login page). */
  | { status: 'anonymous'; problem?: ApiError }
  | { status: 'authenticated'; session: StaffSession };

export interface SessionValue {
  state: SessionState;
  /** Resolves with the session, or rejects with the server's ApiError (401, 429, …). */
  /** `deviceName`: keep the session on this named device (the field app; 30 days unused). */
  login(email: string, password: string, deviceName?: string): Promise<StaffSession>;
  logout(): Promise<void>;
  logoutEverywhere(): Promise<void>;
  /** Reads the session again (after a change to one's own memberships, say). */
  refresh(): Promise<void>;
  /**
   * The language switch: shows the language at once and keeps it, for the login to come when
   * nobody is logged in, else on the account (or in this browser when the session may not).
   */
  chooseLanguage(language: Language): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const { setLanguage } = useLanguage();
  // Saves go one after another, so the account ends with the last choice.
  const saving = useRef<Promise<void>>(Promise.resolve());

  /** Saves the language on the account; it stays kept in this browser until that succeeds. */
  const saveLanguage = useCallback((userId: string, language: Language) => {
    saving.current = saving.current.then(async () => {
      try {
        await sessionApi.saveLanguage(language);
      } catch {
        // A session opened through one municipality's login may not change the account (403
        // account_session_scoped), or the network failed: the choice stays in this browser and
        // is tried again at the next start. Nothing alarming to tell.
        return;
      }
      forgetUnsavedChoice(language);
      setState((current) =>
        current.status === 'authenticated' && current.session.user.id === userId
          ? { ...current, session: { ...current.session, user: { ...current.session.user, language } } }
          : current,
      );
    });
  }, []);

  const accept = useCallback(
    (session: StaffSession) => {
      setCsrfToken(session.csrfToken);
      const fromLogin = takeLoginChoice();
      if (fromLogin) keepUnsaved(session.user.id, fromLogin);
      const wanted = unsavedFor(session.user.id);
      if (wanted && wanted !== session.user.language) {
        setLanguage(wanted);
        saveLanguage(session.user.id, wanted);
      } else {
        if (wanted) forgetUnsavedChoice(wanted);
        setLanguage(session.user.language);
      }
      setStoreOwner(session.user.id);
      setState({ status: 'authenticated', session });
      return session;
    },
    [setLanguage, saveLanguage],
  );

  const chooseLanguage = useCallback(
    (language: Language) => {
      setLanguage(language);
      if (state.status !== 'authenticated') {
        rememberLoginChoice(language);
        return;
      }
      const userId = state.session.user.id;
      keepUnsaved(userId, language);
      saveLanguage(userId, language);
    },
    [setLanguage, saveLanguage, state],
  );

  const forget = useCallback((problem?: ApiError) => {
    setCsrfToken(null);
    // The session is over (logout, 401): what the field app kept on this device goes with it.
    // Not when the check merely failed (server error): the queue of unsent changes must survive.
    if (!problem) void dropAll().catch(() => undefined);
    setState(problem ? { status: 'anonymous', problem } : { status: 'anonymous' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await sessionApi.current());
    } catch (error) {
      // No network, or the server failing: the field app's copy of the session stands in.
      if (error instanceof ApiError && (error.code === NETWORK_ERROR || error.status >= 500)) {
        const kept = await loadSession<StaffSession>().catch(() => undefined);
        if (kept) {
          // No CSRF token offline: the field app's sync reads the session again before it sends.
          setLanguage(kept.session.user.language);
          setStoreOwner(kept.userId);
          setState({ status: 'authenticated', session: { ...kept.session, csrfToken: '' } });
          return;
        }
        forget(error);
      } else if (error instanceof ApiError && error.status !== 401) forget(error);
      else if (error instanceof ApiError) forget();
      else throw error;
    }
  }, [accept, forget, setLanguage]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        void dropAll().catch(() => undefined);
        setState((current) => (current.status === 'authenticated' ? { status: 'anonymous' } : current));
      }),
    [],
  );

  const login = useCallback(
    async (email: string, password: string, deviceName?: string) =>
      accept(await sessionApi.login(email, password, deviceName)),
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
    () => ({ state, login, logout, logoutEverywhere, refresh, chooseLanguage }),
    [state, login, logout, logoutEverywhere, refresh, chooseLanguage],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs a <SessionProvider> above it');
  return value;
}
