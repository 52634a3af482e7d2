// Utboks: the messages sent (or, in demo mode without SMTP or SMS gateway, waiting here) to
// residents, newest first; "Failed" shows only those that failed, with the reason. Open one to
// read its text. GET /api/v1/staff/m/{k}/admin/outbox?status=&cursor= (admin only).
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import { Button, EmptyState, ErrorSummary, Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import '../admin/shared/admin-forms.css';
import './outbox.css';

const OUTBOX = '/api/v1/staff/m/{kommunenummer}/admin/outbox';
type Message = Answer<typeof OUTBOX>['messages'][number];

type Tab = 'all' | 'failed';

export default function OutboxPage() {
  const t = useT();
  const k = useMembership().kommunenummer;
  const [tab, setTab] = useState<Tab>('all');
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [open, setOpen] = useState<string | null>(null);

  const load = useCallback(
    async (which: Tab, after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await ok(
          client.GET(OUTBOX, {
            params: {
              path: { kommunenummer: k },
              query: {
                ...(which === 'failed' ? { status: 'failed' } : {}),
                ...(after ? { cursor: after } : {}),
              },
            },
          }),
        );
        setMessages((old) => (after ? [...(old ?? []), ...page.messages] : page.messages));
        setCursor(page.nextCursor);
      } catch (failure) {
        setError(failure);
        if (!after) setMessages([]);
      } finally {
        setLoading(false);
      }
    },
    [k],
  );
  useEffect(() => {
    setMessages(null);
    void load(tab, null);
  }, [load, tab]);

  const tabs: [Tab, string][] = [
    ['all', t('outbox.all')],
    ['failed', t('outbox.failed')],
  ];
  return (
    <div className="outbox">
      <PageHeading title={t('outbox.title')} />
      <p>{t('outbox.intro')}</p>
      <nav aria-label={t('outbox.tabs')} className="outbox-tabs">
        {tabs.map(([value, label]) => (
          <button
            key={value}
            type="button"
            className={tab === value ? 'button button-primary' : 'button button-secondary'}
            aria-pressed={tab === value}
            onClick={() => setTab(value)}
          >
            {label}
          </button>
        ))}
      </nav>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'outbox')} />
      <div aria-live="polite">
        {messages === null ? (
          <Loading />
        ) : messages.length === 0 && !error ? (
          <EmptyState title={tab === 'failed' ? t('outbox.noFailed') : t('outbox.empty')} />
        ) : (
          <ul className="outbox-list">
            {messages.map((m) => {
              const first = m.subject ?? m.bodyText.split('\n')[0] ?? '';
              const isOpen = open === m.id;
              return (
                <li key={m.id} className={`outbox-item outbox-${m.status}`}>
                  <div className="outbox-line">
                    <span className="outbox-channel">{t(`outbox.channel.${m.channel}`)}</span>
                    <span className="outbox-recipient">{m.recipient}</span>
                    <span className="outbox-status">{t(`outbox.status.${m.status}`)}</span>
                    <span className="muted">{t.dateTime(m.createdAt)}</span>
                  </div>
                  <p className="outbox-subject">{first}</p>
                  <p className="muted">
                    {t('outbox.attempts', { n: m.attempts })}
                    {m.report ? (
                      <>
                        {' · '}
                        <Link to={`/m/${k}/reports/${m.report.id}`}>{m.report.ref}</Link>
                      </>
                    ) : null}
                  </p>
                  {m.lastError ? (
                    <p className="field-error">{t('outbox.lastError', { error: m.lastError })}</p>
                  ) : null}
                  <Button
                    variant="secondary"
                    aria-expanded={isOpen}
                    aria-controls={`outbox-body-${m.id}`}
                    onClick={() => setOpen(isOpen ? null : m.id)}
                  >
                    {isOpen ? t('outbox.hide') : t('outbox.read')}
                    <span className="visually-hidden"> {first}</span>
                  </Button>
                  <pre id={`outbox-body-${m.id}`} className="outbox-body" hidden={!isOpen}>
                    {m.bodyText}
                  </pre>
                </li>
              );
            })}
          </ul>
        )}
      </div>
      {cursor ? (
        <Button
          variant="secondary"
          busy={loading}
          busyLabel={t('app.loading')}
          onClick={() => void load(tab, cursor)}
        >
          {t('outbox.more')}
        </Button>
      ) : null}
    </div>
  );
}
