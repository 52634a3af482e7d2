import { Navigate } from 'react-router';
import { EmptyState } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading, PlainShell } from '../../layout/index.ts';
import { useStaffSession } from '../../session/index.ts';
import { hasFieldAccess } from './access.ts';

/** `/felt`: the field app of the first municipality where the user may use it. */
export default function FieldRedirect() {
  const t = useT();
  const first = useStaffSession().memberships.find(hasFieldAccess);
  if (first) return <Navigate to={`/m/${first.kommunenummer}/felt`} replace />;
  return (
    <PlainShell>
      <PageHeading title={t('errors.noAccessTitle')} />
      <EmptyState>{t('field.noAccess')}</EmptyState>
    </PlainShell>
  );
}
