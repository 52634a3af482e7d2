// Administrasjon › Anleggstyper: the municipality's asset types (hydrant, kum, pumpestasjon…),
// each with how many assets it has; an administrator renames them in three languages, orders
// them, switches them off, chooses what their stickers suggest, and adds new ones.
import { useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { ASSET_TYPES, type AssetType } from '../../assets/assets-api.ts';
import { ADMIN, at, type Category, useKommunenummer } from '../shared/api.ts';
import { pick, summaryItems } from '../shared/forms.ts';
import { SavedNotice } from '../shared/inputs.tsx';
import { AssetTypeForm } from './AssetTypeForm.tsx';

export default function AssetTypesPage() {
  const k = useKommunenummer();
  const t = useT();
  const [types, setTypes] = useState<AssetType[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    Promise.all([
      ok(client.GET(ASSET_TYPES, { params: { path: { kommunenummer: k } } })),
      ok(client.GET(`${ADMIN}/categories`, at(k))),
    ]).then(([a, c]) => {
      setTypes(a.types);
      setCategories(c.categories.filter((x) => x.active));
    }, setError);
  }, [k]);
  const onSaved = (type: AssetType, created: boolean) => {
    setTypes((old) => {
      const rest = (old ?? []).filter((x) => x.id !== type.id);
      return [...rest, type].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
    });
    setEditing(null);
    const name = pick(type.name, t.language);
    setSaved(created ? t('admin.assetTypes.created', { name }) : t('admin.assetTypes.saved', { name }));
  };
  return (
    <>
      <PageHeading title={t('admin.assetTypes')} />
      <p>{t('admin.assetTypes.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'asset-types')} />
      <SavedNotice message={saved} />
      {types === null ? (
        error ? null : (
          <Loading />
        )
      ) : (
        <ul className="admin-list" aria-label={t('admin.assetTypes.listLabel')}>
          {types.map((type) =>
            editing === type.id ? (
              <li key={type.id}>
                <div className="grow">
                  <h2>{t('admin.assetTypes.editNamed', { name: pick(type.name, t.language) })}</h2>
                  <AssetTypeForm
                    type={type}
                    categories={categories}
                    onSaved={(x) => onSaved(x, false)}
                    onCancel={() => setEditing(null)}
                  />
                </div>
              </li>
            ) : (
              <li key={type.id}>
                <div className="grow-text">
                  <strong>{pick(type.name, t.language)}</strong>
                  {type.active ? null : <span className="inactive-tag">{t('admin.form.inactive')}</span>}
                  <br />
                  <span className="muted">
                    {type.code} · {t.plural('admin.assetTypes.count', type.assetCount)}
                    {type.suggestedCategories.length > 0
                      ? ` · ${type.suggestedCategories
                          .map(
                            (code) => pick(categories.find((c) => c.code === code)?.name, t.language) || code,
                          )
                          .join(', ')}`
                      : ''}
                  </span>
                </div>
                <Button variant="secondary" onClick={() => setEditing(type.id)}>
                  {t('admin.assetTypes.edit')}
                  <span className="visually-hidden"> {pick(type.name, t.language)}</span>
                </Button>
              </li>
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        <section className="admin-section" aria-labelledby="asset-type-new-title">
          <h2 id="asset-type-new-title">{t('admin.assetTypes.new')}</h2>
          <AssetTypeForm
            type={null}
            categories={categories}
            onSaved={(x) => onSaved(x, true)}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <Button onClick={() => setEditing('new')}>{t('admin.assetTypes.new')}</Button>
      )}
    </>
  );
}
