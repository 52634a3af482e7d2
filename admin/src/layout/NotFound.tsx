import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';
import { PageHeading } from './PageHeading.tsx';
import { PlainShell } from './PlainShell.tsx';

/** An address inside the app that has no page (inside a municipality's shell). */
export function NotFoundContent() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('errors.notFoundTitle')} />
      <p>{t('errors.notFound')}</p>
      <p>
        <Link to="/">{t('errors.backToStart')}</Link>
      </p>
    </>
  );
}

export function NotFoundPage() {
  return (
    <PlainShell>
      <NotFoundContent />
    </PlainShell>
  );
}

/** A municipality the user is not a member of, or a page their roles do not open. */
export function NoAccessContent() {
  const t = useT();
  return (
    <>
      <PageHeading title={t('errors.noAccessTitle')} />
      <p>{t('errors.noAccess')}</p>
      <p>
        <Link to="/">{t('errors.backToStart')}</Link>
      </p>
    </>
  );
}

export function NoAccess() {
  return (
    <PlainShell>
      <NoAccessContent />
    </PlainShell>
  );
}
