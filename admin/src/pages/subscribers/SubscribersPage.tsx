// Abonnenter: the municipality's notice subscribers, newest first, 50 a page, searchable by
// address, with how many have a confirmed email and SMS; each links to its page. Admins also get
// "Importer CSV".
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, EmptyState, ErrorSummary, Field, Loading } from '../../components/index.ts';
import { type Translator, useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { hasRole, ROLE_ADMIN, useMembership } from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import { type SubscriberPage, type SubscriberSummary, subscribersApi } from './subscribers-api.ts';

export function channelsText(t: Translator, s: Pick<SubscriberSummary, 'email' | 'sms'>): string {
  const words: string[] = [];
  if (s.email.given)
    words.push(`${t('subscribers.email')}${s.email.confirmed ? '' : ` ${t('subscribers.unconfirmed')}`}`);
  if (s.sms.given)
    words.push(`${t('subscribers.sms')}${s.sms.confirmed ? '' : ` ${t('subscribers.unconfirmed')}`}`);
  return words.join(', ');
}

export default function SubscribersPage() {
  const t = useT();
  const membership = useMembership();
  const { kommunenummer } = membership;
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState({ q: '', page: 1 });
  const [answer, setAnswer] = useState<SubscriberPage | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    setError(null);
    subscribersApi
      .list(kommunenummer, { ...(query.q ? { q: query.q } : {}), page: query.page }, controller.signal)
      .then(setAnswer, (problem: unknown) => {
        if (!controller.signal.aborted) setError(problem);
      });
    return () => controller.abort();
  }, [kommunenummer, query]);
  const search = (event: FormEvent) => {
    event.preventDefault();
    setQuery({ q: typed.trim(), page: 1 });
  };
  const pages = answer ? Math.max(1, Math.ceil(answer.total / answer.pageSize)) : 1;
  return (
    <>
      <PageHeading title={t('subscribers.title')} />
      <p>{t('subscribers.intro')}</p>
      {hasRole(membership, ROLE_ADMIN) ? (
        <p>
          <Link className="button button-secondary" to="import">
            {t('subscribers.import')}
          </Link>
        </p>
      ) : null}
      <form onSubmit={search} className="subscriber-search">
        <Field
          id="subscriber-search"
          label={t('subscribers.search')}
          value={typed}
          maxLength={200}
          onChange={(event) => setTyped(event.target.value)}
        />
        <Button type="submit" variant="secondary">
          {t('subscribers.searchButton')}
        </Button>
      </form>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'subscribers')} />
      {answer === null ? (
        error ? null : (
          <Loading />
        )
      ) : (
        <>
          <p role="status">
            {t('subscribers.counts', {
              total: String(answer.total),
              email: String(answer.confirmedEmail),
              sms: String(answer.confirmedSms),
            })}
          </p>
          {answer.subscribers.length === 0 ? (
            <EmptyState title={t('subscribers.empty')} />
          ) : (
            <div className="table-scroll">
              <table className="admin-table subscribers-table">
                <thead>
                  <tr>
                    <th scope="col">{t('subscribers.col.address')}</th>
                    <th scope="col">{t('subscribers.col.channels')}</th>
                    <th scope="col">{t('subscribers.col.source')}</th>
                    <th scope="col">{t('subscribers.col.vulnerable')}</th>
                  </tr>
                </thead>
                <tbody>
                  {answer.subscribers.map((s) => (
                    <tr key={s.id}>
                      <td>
                        <Link to={s.id}>{s.address ?? t('subscribers.point')}</Link>
                      </td>
                      <td>{channelsText(t, s)}</td>
                      <td>{t(`subscribers.source.${s.source}`)}</td>
                      <td>{s.vulnerable ? t('subscribers.yes') : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 ? (
            <p className="subscriber-pages">
              <Button
                variant="secondary"
                disabled={query.page <= 1}
                onClick={() => setQuery({ ...query, page: query.page - 1 })}
              >
                {t('subscribers.previous')}
              </Button>{' '}
              <Button
                variant="secondary"
                disabled={query.page >= pages}
                onClick={() => setQuery({ ...query, page: query.page + 1 })}
              >
                {t('subscribers.next')}
              </Button>
            </p>
          ) : null}
        </>
      )}
    </>
  );
}
