import { EmptyState } from '../components/index.ts';
import { useT } from '../i18n/index.ts';
import { PageHeading } from './PageHeading.tsx';

/** What a page shows until it is built: its heading and "this page is being built". */
export function PlaceholderPage({ title }: { title: string }) {
  const t = useT();
  return (
    <>
      <PageHeading title={title} />
      <EmptyState>{t('app.comingSoon')}</EmptyState>
    </>
  );
}
