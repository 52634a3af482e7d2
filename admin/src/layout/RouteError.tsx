import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorSummary } from '../components/index.ts';
import { useT } from '../i18n/index.ts';
import { NotFoundContent } from './NotFound.tsx';
import { PlainShell } from './PlainShell.tsx';

/** What a route shows when rendering it failed (a page's code could not be loaded, say). */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <PlainShell>
        <NotFoundContent />
      </PlainShell>
    );
  }
  return (
    <PlainShell>
      <ErrorSummary
        title={t('errors.summaryTitle')}
        items={[{ message: error instanceof Error ? error.message : String(error) }]}
      />
    </PlainShell>
  );
}
