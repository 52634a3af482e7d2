// One subscriber: where, which channels, the source; contact details when the server sends them
// (roles allowed to see them; each look is in the audit log); the vulnerable flag with its note
// and a name to ask for; and ending the subscription. Each action says what it did.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, ErrorSummary, Field, Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import {
  hasRole,
  ROLE_ADMIN,
  ROLE_CASE_WORKER,
  ROLE_FRONT_DESK,
  useMembership,
} from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import { channelsText } from './SubscribersPage.tsx';
import { type Subscriber, subscribersApi } from './subscribers-api.ts';

export default function SubscriberView() {
  const t = useT();
  const membership = useMembership();
  const { kommunenummer } = membership;
  const mayChange = hasRole(membership, ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK);
  const { id = '' } = useParams();
  const [subscriber, setSubscriber] = useState<Subscriber | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [vulnerable, setVulnerable] = useState(false);
  const [note, setNote] = useState('');
  const [contactName, setContactName] = useState('');

  const load = useCallback(
    (signal?: AbortSignal) =>
      subscribersApi.get(kommunenummer, id, signal).then((answer) => {
        setSubscriber(answer);
        setVulnerable(answer.vulnerable);
        setNote(answer.vulnerableNote ?? '');
        setContactName(answer.contactName ?? '');
      }),
    [kommunenummer, id],
  );
  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).catch((problem: unknown) => {
      if (!controller.signal.aborted) setError(problem);
    });
    return () => controller.abort();
  }, [load]);

  const act = async (action: () => Promise<unknown>, message: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await action();
      await load();
      setDone(message);
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const body = subscriber?.contactVisible
      ? { vulnerable, note: note.trim() || null, contactName: contactName.trim() || null }
      : { vulnerable };
    void act(() => subscribersApi.setVulnerable(kommunenummer, id, body), t('subscribers.view.saved'));
  };

  if (!subscriber)
    return error ? (
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'subscriber')} />
    ) : (
      <Loading />
    );
  const live = subscriber.unsubscribedAt === null;
  return (
    <>
      <p>
        <Link to=".." relative="path">
          {t('subscribers.view.back')}
        </Link>
      </p>
      <PageHeading title={subscriber.address ?? t('subscribers.point')} />
      <p className="notice-done" role="status" aria-live="polite">
        {done}
      </p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'subscriber')} />
      <dl className="notice-facts">
        <dt>{t('subscribers.col.channels')}</dt>
        <dd>{channelsText(t, subscriber) || '–'}</dd>
        <dt>{t('subscribers.col.source')}</dt>
        <dd>{t(`subscribers.source.${subscriber.source}`)}</dd>
        <dt>{t('subscribers.view.language')}</dt>
        <dd>{t(`language.${subscriber.language}`)}</dd>
        {subscriber.contactVisible ? (
          <>
            <dt>{t('subscribers.view.emailAddress')}</dt>
            <dd>{subscriber.emailAddress ?? '–'}</dd>
            <dt>{t('subscribers.view.phone')}</dt>
            <dd>{subscriber.phoneNumber ?? '–'}</dd>
          </>
        ) : null}
      </dl>
      {subscriber.contactVisible ? null : <p>{t('subscribers.view.contactHidden')}</p>}
      {live && mayChange ? (
        <>
          <form onSubmit={save} className="notice-form">
            <div className="field">
              <label>
                <input
                  type="checkbox"
                  checked={vulnerable}
                  onChange={(e) => setVulnerable(e.target.checked)}
                />{' '}
                {t('subscribers.view.vulnerable')}
              </label>
            </div>
            {subscriber.contactVisible ? (
              <>
                <div className="field">
                  <label htmlFor="subscriber-note">{t('subscribers.view.note')}</label>
                  <textarea
                    id="subscriber-note"
                    value={note}
                    maxLength={1000}
                    onChange={(e) => setNote(e.target.value)}
                  />
                </div>
                <Field
                  id="subscriber-contact-name"
                  label={t('subscribers.view.contactName')}
                  value={contactName}
                  maxLength={200}
                  onChange={(e) => setContactName(e.target.value)}
                />
              </>
            ) : null}
            <Button type="submit" busy={busy}>
              {t('subscribers.view.save')}
            </Button>
          </form>
          <div className="notice-actions">
            <Button
              variant="danger"
              busy={busy}
              onClick={() =>
                void act(() => subscribersApi.remove(kommunenummer, id), t('subscribers.view.unsubscribed'))
              }
            >
              {t('subscribers.view.unsubscribe')}
            </Button>
          </div>
        </>
      ) : null}
    </>
  );
}
