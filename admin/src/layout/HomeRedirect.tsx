import { Navigate } from 'react-router';
import { EmptyState } from '../components/index.ts';
import { useT } from '../i18n/index.ts';
import { useStaffSession } from '../session/index.ts';
import { PageHeading } from './PageHeading.tsx';
import { PlainShell } from './PlainShell.tsx';

/** `/`: the first municipality's inbox; a message when the user belongs to none. */
export function HomeRedirect() {
  const t = useT();
  const { memberships } = useStaffSession();
  const first = memberships[0];
  if (first) return <Navigate to={`/m/${first.kommunenummer}/inbox`} replace />;
  return (
    <PlainShell>
      <PageHeading title={t('errors.noAccessTitle')} />
      <EmptyState>{t('errors.noMemberships')}</EmptyState>
    </PlainShell>
  );
}
