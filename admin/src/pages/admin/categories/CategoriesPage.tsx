// Placeholder: the owner of Administrasjon › categories replaces this (keep the default export;
// router.tsx loads it lazily inside AdminPage).
import { useT } from '../../../i18n/index.ts';
import { PlaceholderPage } from '../../../layout/index.ts';

export default function CategoriesPage() {
  const t = useT();
  return <PlaceholderPage title={t('admin.categories')} />;
}
