// Placeholder: the inbox's owner replaces the list. Routes /m/:k/inbox and /m/:k/reports/:id
// both render this page; the chosen case (CaseView) appears in the <Outlet /> beside the list.
import { Suspense } from 'react';
import { Outlet, useMatch } from 'react-router';
import { EmptyState, Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';

export default function InboxPage() {
  const t = useT();
  const chosen = useMatch('/m/:kommunenummer/reports/:id');
  return (
    <>
      <PageHeading title={t('inbox.title')} focusOnNavigate={!chosen} />
      <div className="two-panes inbox-page">
        <section className="pane inbox-list" aria-label={t('inbox.title')}>
          <EmptyState>{t('app.comingSoon')}</EmptyState>
        </section>
        <div className="pane inbox-case">
          {chosen ? (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          ) : (
            <EmptyState>{t('inbox.chooseReport')}</EmptyState>
          )}
        </div>
      </div>
    </>
  );
}
