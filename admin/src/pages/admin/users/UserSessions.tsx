// Administrasjon › Brukere › Innlogginger: a member's sessions, to log out a lost or handed-on
// phone. The server answers only for a member of this municipality (404 otherwise) and audits
// each ending.
import { useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { errorText } from '../../../api/error-text.ts';
import { Button, ErrorSummary, Loading } from '../../../components/index.ts';
import { SessionList, type SessionRow } from '../../../components/SessionList.tsx';
import { useT } from '../../../i18n/index.ts';
import { ADMIN, atId, type User } from '../shared/api.ts';

export function UserSessions({
  kommunenummer,
  user,
  onClose,
  onEnded,
}: {
  kommunenummer: string;
  user: User;
  onClose(): void;
  onEnded(message: string): void;
}) {
  const t = useT();
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    ok(client.GET(`${ADMIN}/users/{id}/sessions`, atId(kommunenummer, user.id))).then(
      (answer) => setSessions(answer.sessions),
      setProblem,
    );
  }, [kommunenummer, user.id]);

  async function end(session: SessionRow) {
    setProblem(null);
    setBusy(session.id);
    try {
      await ok(
        client.DELETE(`${ADMIN}/users/{id}/sessions/{sessionId}`, {
          params: { path: { kommunenummer, id: user.id, sessionId: session.id } },
        }),
      );
      setSessions((old) => old?.filter((x) => x.id !== session.id) ?? null);
      onEnded(
        t('sessions.endedFor', { name: session.deviceName ?? t('sessions.browser'), person: user.name }),
      );
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(null);
    }
  }

  const title = t('sessions.userTitle', { name: user.name });
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <p className="field-hint">{t('sessions.userHint')}</p>
      {problem ? (
        <ErrorSummary title={t('errors.summaryTitle')} items={[{ message: errorText(problem, t) }]} />
      ) : null}
      {sessions === null ? (
        problem ? null : (
          <Loading />
        )
      ) : (
        <SessionList sessions={sessions} busy={busy} caption={title} onEnd={(session) => void end(session)} />
      )}
      <Button variant="secondary" onClick={onClose}>
        {t('sessions.close')}
      </Button>
    </section>
  );
}
