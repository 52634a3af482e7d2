// Anlegg: the asset register, searched by register id or name and filtered by type, a page at a
// time; each row leads to the asset's page. The search lives in the address (?q=&type=&side=),
// so a list can be shared and the back button returns to it.
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { Button, EmptyState, ErrorSummary, Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { pick, summaryItems } from '../admin/shared/forms.ts';
import { ASSET_TYPES, ASSETS, type AssetList, type AssetType, REPEATED_FAULTS } from './assets-api.ts';
import '../admin/shared/admin-forms.css';
import './assets.css';

const PAGE = 50;

export default function AssetsPage() {
  const t = useT();
  const { kommunenummer: k } = useMembership();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type') ?? '';
  const page = Math.max(0, Number(params.get('side') ?? '0') || 0);
  const [text, setText] = useState(q);
  const [types, setTypes] = useState<AssetType[]>([]);
  const [list, setList] = useState<AssetList | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    ok(client.GET(ASSET_TYPES, { params: { path: { kommunenummer: k } } })).then(
      (r) => setTypes(r.types),
      setError,
    );
  }, [k]);
  useEffect(() => {
    setList(null);
    ok(
      client.GET(ASSETS, {
        params: {
          path: { kommunenummer: k },
          query: { ...(q ? { q } : {}), ...(type ? { type } : {}), limit: PAGE, offset: page * PAGE },
        },
      }),
    ).then(setList, setError);
  }, [k, q, type, page]);

  const go = (next: { q?: string; type?: string; page?: number }) => {
    const out = new URLSearchParams();
    const nq = next.q ?? q;
    const nt = next.type ?? type;
    if (nq) out.set('q', nq);
    if (nt) out.set('type', nt);
    if (next.page) out.set('side', String(next.page));
    setParams(out);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ q: text.trim(), page: 0 });
  };

  return (
    <div className="assets-page">
      <PageHeading title={t('assets.title')} />
      <p>{t('assets.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'assets')} />
      <search>
        <form className="assets-search" onSubmit={submit}>
          <div className="field">
            <label htmlFor="assets-q">{t('assets.search')}</label>
            <input
              id="assets-q"
              type="search"
              value={text}
              maxLength={100}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="assets-type">{t('assets.type')}</label>
            <select
              id="assets-type"
              value={type}
              onChange={(e) => go({ q: text.trim(), type: e.target.value, page: 0 })}
            >
              <option value="">{t('assets.allTypes')}</option>
              {types.map((x) => (
                <option key={x.id} value={x.code}>
                  {pick(x.name, t.language)}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit">{t('assets.find')}</Button>
        </form>
      </search>
      {list === null ? (
        error ? null : (
          <Loading />
        )
      ) : list.items.length === 0 ? (
        <EmptyState title={q || type ? t('assets.empty') : t('assets.none')} />
      ) : (
        <>
          <p className="muted" role="status">
            {t('assets.showing', {
              from: list.offset + 1,
              to: list.offset + list.items.length,
              total: list.total,
            })}
          </p>
          <table className="assets-table">
            <caption className="visually-hidden">{t('assets.listLabel')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assets.col.id')}</th>
                <th scope="col">{t('assets.col.name')}</th>
                <th scope="col">{t('assets.col.type')}</th>
                <th scope="col">{t('assets.col.reports')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((asset) => (
                <tr key={asset.id}>
                  <th scope="row">
                    <Link to={asset.id}>{asset.externalId}</Link>
                  </th>
                  <td>{asset.name}</td>
                  <td>{pick(asset.type.name, t.language)}</td>
                  <td>
                    {asset.reportsLast12Months >= REPEATED_FAULTS ? (
                      <span className="repeat-badge">
                        {t.plural('assets.recent', asset.reportsLast12Months)}
                      </span>
                    ) : (
                      asset.reportsLast12Months
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="assets-pager">
            {page > 0 ? (
              <Button variant="secondary" onClick={() => go({ page: page - 1 })}>
                {t('assets.previous')}
              </Button>
            ) : null}
            {list.offset + list.items.length < list.total ? (
              <Button variant="secondary" onClick={() => go({ page: page + 1 })}>
                {t('assets.next')}
              </Button>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
