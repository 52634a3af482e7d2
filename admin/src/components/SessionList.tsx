// A staff member's sessions (browsers and named devices such as the field app) with a button to
// end each: used on "Min konto" for one's own, and by an administrator for someone who lost a phone.
import { formatDateTime, useT } from '../i18n/index.ts';
import { Button } from './Button.tsx';

export interface SessionRow {
  id: string;
  deviceName: string | null;
  userAgent: string | null;
  method: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current?: boolean;
}

/** "Chrome on Android" is enough to tell browsers apart; the full user agent is noise. */
function browserOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /(Edg|Firefox|Chrome|Safari)\//.exec(userAgent)?.[1];
  const system = /(Android|iPhone|iPad|Windows|Mac OS X|Linux)/.exec(userAgent)?.[1];
  const name = browser === 'Edg' ? 'Edge' : browser;
  return [name, system === 'Mac OS X' ? 'macOS' : system].filter(Boolean).join(' · ') || null;
}

export function SessionList({
  sessions,
  busy,
  caption,
  onEnd,
}: {
  sessions: readonly SessionRow[];
  busy: string | null;
  caption: string;
  onEnd(session: SessionRow): void;
}) {
  const t = useT();
  if (sessions.length === 0) return <p className="muted">{t('sessions.none')}</p>;
  // A list, not a table: four columns do not fit a phone, where a lost phone is often ended from.
  return (
    <ul className="session-list" aria-label={caption}>
      {sessions.map((session) => {
        const name = session.deviceName ?? browserOf(session.userAgent) ?? t('sessions.browser');
        return (
          <li key={session.id}>
            <p>
              <strong>{name}</strong>
              {session.current ? ` (${t('sessions.thisOne')})` : null}
              <br />
              <span className="muted">
                {session.deviceName ? t('sessions.device') : t('sessions.browser')} ·{' '}
                {t('sessions.since', { at: formatDateTime(t.language, session.createdAt) })}
                <br />
                {t('sessions.lastSeen')}: {formatDateTime(t.language, session.lastSeenAt)} ·{' '}
                {t('sessions.expires')}: {formatDateTime(t.language, session.expiresAt)}
              </span>
            </p>
            <Button
              variant="secondary"
              busy={busy === session.id}
              busyLabel={t('sessions.ending')}
              onClick={() => onEnd(session)}
            >
              {session.current ? t('sessions.endThis') : t('sessions.end')}
              <span className="visually-hidden"> {name}</span>
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
