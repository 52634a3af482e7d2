// "Innloggingene dine" on Min konto: every browser and device logged in to this account, so a lost
// phone (the field app stays logged in for weeks) can be logged out from a desk. Ending this
// browser's own session is logging out, done the usual way so the device's kept data goes too.
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { ErrorSummary, Loading } from '../../components/index.ts';
import { SessionList, type SessionRow } from '../../components/SessionList.tsx';
import { useT } from '../../i18n/index.ts';
import { useSession } from '../../session/index.ts';

export function SessionsSection() {
  const t = useT();
  const { logout } = useSession();
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    ok(client.GET('/api/v1/staff/sessions')).then((answer) => setSessions(answer.sessions), setProblem);
  }, []);

  async function end(session: SessionRow) {
    setProblem(null);
    setNotice('');
    if (session.current) {
      if (!window.confirm(t('sessions.confirmEndThis'))) return;
      await logout();
      return;
    }
    setBusy(session.id);
    try {
      await ok(
        client.DELETE('/api/v1/staff/sessions/{sessionId}', { params: { path: { sessionId: session.id } } }),
      );
      setSessions((old) => old?.filter((x) => x.id !== session.id) ?? null);
      setNotice(t('sessions.ended', { name: session.deviceName ?? t('sessions.browser') }));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="account-section" aria-labelledby="account-sessions-title">
      <h2 id="account-sessions-title">{t('sessions.ownTitle')}</h2>
      <p className="field-hint">{t('sessions.ownHint')}</p>
      {problem ? (
        <ErrorSummary title={t('errors.summaryTitle')} items={[{ message: errorText(problem, t) }]} />
      ) : null}
      <p className="saved-notice" role="status" aria-live="polite">
        {notice}
      </p>
      {sessions === null ? (
        problem ? null : (
          <Loading />
        )
      ) : (
        <SessionList
          sessions={sessions}
          busy={busy}
          caption={t('sessions.ownTitle')}
          onEnd={(session) => void end(session)}
        />
      )}
    </section>
  );
}
