// Placeholder: the dashboard page's owner replaces this (keep the default export; router.tsx loads it lazily).
import { useT } from '../../i18n/index.ts';
import { PlaceholderPage } from '../../layout/index.ts';

export default function DashboardPage() {
  const t = useT();
  return <PlaceholderPage title={t('dashboard.title')} />;
}
