// Placeholder: the case view's owner replaces this. Shown beside the inbox list at
// /m/:kommunenummer/reports/:id.
import { useEffect, useRef } from 'react';
import { useParams } from 'react-router';
import { EmptyState } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';

export default function CaseView() {
  const t = useT();
  const { id = '' } = useParams();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a case from the list moves focus to it.
  useEffect(() => {
    if (id) heading.current?.focus();
  }, [id]);
  return (
    <article aria-labelledby="case-heading">
      <h2 id="case-heading" tabIndex={-1} ref={heading}>
        {t('case.title', { id })}
      </h2>
      <EmptyState>{t('app.comingSoon')}</EmptyState>
    </article>
  );
}
