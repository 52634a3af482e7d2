// Administrasjon › QR-lenker: stickers on hydrants and pumping stations whose QR code opens the
// report form filled in. Each shows its address /q/{code} and the QR code itself (SVG), loaded
// from this server's own /q/{code}.svg (the back office's CSP allows images from itself only).
import { useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, EmptyState, ErrorSummary, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import {
  ADMIN,
  at,
  type Category,
  type ReportLink,
  useAdminPrefix,
  useKommunenummer,
} from '../shared/api.ts';
import { pick, summaryItems } from '../shared/forms.ts';
import { SavedNotice } from '../shared/inputs.tsx';
import { LinkForm } from './LinkForm.tsx';
import { Sparkline } from './Sparkline.tsx';
import { StickerPrintForm } from './StickerPrintForm.tsx';

export default function LinksPage() {
  const k = useKommunenummer();
  const t = useT();
  const prefix = useAdminPrefix();
  const [links, setLinks] = useState<ReportLink[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    Promise.all([
      ok(client.GET(`${ADMIN}/report-links`, at(k))),
      ok(client.GET(`${ADMIN}/categories`, at(k))),
    ]).then(([l, c]) => {
      setLinks(l.links);
      setCategories(c.categories.filter((x) => x.active));
    }, setError);
  }, [k]);
  const onSaved = (link: ReportLink) => {
    setLinks((old) =>
      old?.some((x) => x.id === link.id)
        ? old.map((x) => (x.id === link.id ? link : x))
        : [...(old ?? []), link],
    );
    setEditing(null);
    setSaved(t('admin.links.saved', { label: pick(link.label, t.language) }));
  };
  const categoryName = (code: string | undefined) => {
    const c = categories.find((x) => x.code === code);
    return c ? pick(c.name, t.language) : t('admin.links.noCategory');
  };
  return (
    <>
      <PageHeading title={t('admin.links')} />
      <p>{t('admin.links.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'links')} />
      <SavedNotice message={saved} />
      {editing === 'new' ? (
        <section aria-labelledby="link-new-title">
          <h2 id="link-new-title">{t('admin.links.new')}</h2>
          <LinkForm
            prefix={prefix}
            link={null}
            categories={categories}
            onSaved={onSaved}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <Button onClick={() => setEditing('new')}>{t('admin.links.new')}</Button>
      )}
      {links === null ? (
        error ? null : (
          <Loading />
        )
      ) : links.length === 0 ? (
        <EmptyState title={t('admin.links.empty')} />
      ) : (
        <ul className="admin-list" aria-label={t('admin.links')}>
          {links.map((link) =>
            editing === link.id ? (
              <li key={link.id}>
                <div className="grow">
                  <h2>{t('admin.links.editNamed', { label: pick(link.label, t.language) })}</h2>
                  <LinkForm
                    prefix={prefix}
                    link={link}
                    categories={categories}
                    onSaved={onSaved}
                    onCancel={() => setEditing(null)}
                  />
                </div>
              </li>
            ) : (
              <li key={link.id} className="link-row">
                <img
                  src={`/q/${encodeURIComponent(link.code)}.svg`}
                  alt={t('admin.links.qrAlt', { url: link.url })}
                  width={96}
                  height={96}
                />
                <div className="grow-text">
                  <strong>{pick(link.label, t.language)}</strong>
                  {link.active ? null : <span className="inactive-tag">{t('admin.form.inactive')}</span>}
                  <br />
                  <a href={link.url}>{link.url}</a>
                  <br />
                  <span className="muted">
                    {[link.assetRef, link.address, categoryName(link.suggestedCategories[0])]
                      .filter(Boolean)
                      .join(' · ')}
                    {' · '}
                    {t('admin.links.scans', { count: link.scanCount })}
                  </span>{' '}
                  <Sparkline values={link.scansByDay} />
                  <br />
                  <a href={`/q/${encodeURIComponent(link.code)}.svg`} download={`${link.code}.svg`}>
                    {t('admin.links.downloadQr')}
                  </a>
                </div>
                <Button variant="secondary" onClick={() => setEditing(link.id)}>
                  {t('admin.form.edit')}
                  <span className="visually-hidden"> {pick(link.label, t.language)}</span>
                </Button>
              </li>
            ),
          )}
        </ul>
      )}
      <StickerPrintForm prefix={prefix} />
    </>
  );
}
