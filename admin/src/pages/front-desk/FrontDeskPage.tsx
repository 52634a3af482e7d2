// Placeholder: the front desk (servicekontor) page's owner replaces this (keep the default export; router.tsx loads it lazily).
import { useT } from '../../i18n/index.ts';
import { PlaceholderPage } from '../../layout/index.ts';

export default function FrontDeskPage() {
  const t = useT();
  return <PlaceholderPage title={t('frontDesk.title')} />;
}
