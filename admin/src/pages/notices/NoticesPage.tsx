// Driftsmeldinger: the municipality's notices, drafts included, the last changed first, each
// linking to its page; "New notice" for those who may draft one.
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorSummary, Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import { noticeRights, period, statusName, typeName } from './notice-words.ts';
import { type Notice, noticesApi } from './notices-api.ts';
import './notices.css';

export default function NoticesPage() {
  const t = useT();
  const membership = useMembership();
  const { kommunenummer } = membership;
  const rights = noticeRights(membership);
  const [notices, setNotices] = useState<Notice[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    noticesApi.list(kommunenummer, controller.signal).then(
      (answer) => setNotices(answer.notices),
      (problem: unknown) => {
        if (!controller.signal.aborted) setError(problem);
      },
    );
    return () => controller.abort();
  }, [kommunenummer]);
  const newLink = rights.draft ? (
    <Link className="button button-primary" to="new">
      {t('notices.new')}
    </Link>
  ) : null;
  return (
    <>
      <PageHeading title={t('notices.title')} />
      <p>{t('notices.intro')}</p>
      <p>
        <Link to="templates">{t('notices.templates.link')}</Link>
      </p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'notices')} />
      {notices === null ? (
        error ? null : (
          <Loading />
        )
      ) : notices.length === 0 ? (
        <EmptyState title={t('notices.empty')} action={newLink}>
          {t('notices.emptyHint')}
        </EmptyState>
      ) : (
        <>
          {newLink ? <p>{newLink}</p> : null}
          <div className="table-scroll">
            <table className="admin-table notices-table">
              <thead>
                <tr>
                  <th scope="col">{t('notices.col.title')}</th>
                  <th scope="col">{t('notices.col.type')}</th>
                  <th scope="col">{t('notices.col.status')}</th>
                  <th scope="col">{t('notices.col.period')}</th>
                </tr>
              </thead>
              <tbody>
                {notices.map((notice) => (
                  <tr key={notice.id} data-status={notice.status}>
                    <td>
                      <Link to={notice.id}>{notice.title[t.language] ?? notice.title.nb}</Link>
                    </td>
                    <td>{typeName(t, notice.type)}</td>
                    <td>{statusName(t, notice)}</td>
                    <td>{period(t, notice)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
