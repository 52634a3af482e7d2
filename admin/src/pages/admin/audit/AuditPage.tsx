// Administrasjon › Logg: every administrative change and every look at personal data, newest
// first, 50 at a time (GET /admin/audit?cursor=).
import { useCallback, useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';
import { Button, EmptyState, ErrorSummary, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { ADMIN, useKommunenummer } from '../shared/api.ts';
import { summaryItems } from '../shared/forms.ts';

type AuditEntry = Answer<`${typeof ADMIN}/audit`>['items'][number];

export default function AuditPage() {
  const k = useKommunenummer();
  const t = useT();
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await ok(
          client.GET(`${ADMIN}/audit`, {
            params: { path: { kommunenummer: k }, query: after ? { cursor: after } : {} },
          }),
        );
        setItems((old) => (after ? [...(old ?? []), ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (failure) {
        setError(failure);
      } finally {
        setLoading(false);
      }
    },
    [k],
  );
  useEffect(() => {
    void load(null);
  }, [load]);
  const json = (value: unknown) =>
    value === null || value === undefined ? '–' : JSON.stringify(value, null, 2);
  return (
    <>
      <PageHeading title={t('admin.audit')} />
      <p>{t('admin.audit.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'audit')} />
      {items === null ? (
        error ? null : (
          <Loading />
        )
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.audit.empty')} />
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.audit')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.audit.when')}</th>
                <th scope="col">{t('admin.audit.who')}</th>
                <th scope="col">{t('admin.audit.what')}</th>
                <th scope="col">{t('admin.audit.change')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td>{t.dateTime(entry.createdAt)}</td>
                  <td>{entry.actor?.name ?? t('admin.audit.system')}</td>
                  <td>
                    <code>{entry.action}</code>
                    <br />
                    <span className="muted">
                      {entry.entityType} {entry.entityId}
                    </span>
                  </td>
                  <td>
                    {entry.before === null && entry.after === null ? (
                      '–'
                    ) : (
                      <details>
                        <summary>{t('admin.audit.showChange')}</summary>
                        <div className="audit-change">
                          <div>
                            <strong>{t('admin.audit.before')}</strong>
                            <pre>{json(entry.before)}</pre>
                          </div>
                          <div>
                            <strong>{t('admin.audit.after')}</strong>
                            <pre>{json(entry.after)}</pre>
                          </div>
                        </div>
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor ? (
        <Button
          variant="secondary"
          busy={loading}
          busyLabel={t('app.loading')}
          onClick={() => void load(cursor)}
        >
          {t('admin.audit.more')}
        </Button>
      ) : null}
    </>
  );
}
