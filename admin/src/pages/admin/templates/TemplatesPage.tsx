// Administrasjon › Maler: public reply templates, offered in the case view by status and
// category (GET/POST/PUT /admin/templates). Placeholders are filled per report by the server.
import { useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, EmptyState, ErrorSummary, Loading, type ReportStatus } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { ADMIN, at, type Category, type Template, useAdminPrefix, useKommunenummer } from '../shared/api.ts';
import { pick, summaryItems } from '../shared/forms.ts';
import { SavedNotice } from '../shared/inputs.tsx';
import { TemplateForm } from './TemplateForm.tsx';

export default function TemplatesPage() {
  const k = useKommunenummer();
  const t = useT();
  const prefix = useAdminPrefix();
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    Promise.all([
      ok(client.GET(`${ADMIN}/templates`, at(k))),
      ok(client.GET(`${ADMIN}/categories`, at(k))),
    ]).then(([tp, c]) => {
      setTemplates(tp.templates);
      setCategories(c.categories);
    }, setError);
  }, [k]);
  const categoryName = (id: string | null) => {
    const c = categories.find((x) => x.id === id);
    return c ? pick(c.name, t.language) : t('admin.templates.anyCategory');
  };
  const onSaved = (template: Template) => {
    setTemplates((old) =>
      old?.some((x) => x.id === template.id)
        ? old.map((x) => (x.id === template.id ? template : x))
        : [...(old ?? []), template],
    );
    setEditing(null);
    setSaved(t('admin.templates.saved', { name: template.name }));
  };
  return (
    <>
      <PageHeading title={t('admin.templates')} />
      <p>{t('admin.templates.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'templates')} />
      <SavedNotice message={saved} />
      {editing === 'new' ? (
        <section aria-labelledby="template-new-title">
          <h2 id="template-new-title">{t('admin.templates.new')}</h2>
          <TemplateForm
            prefix={prefix}
            template={null}
            categories={categories}
            onSaved={onSaved}
            onCancel={() => setEditing(null)}
          />
        </section>
      ) : (
        <Button onClick={() => setEditing('new')}>{t('admin.templates.new')}</Button>
      )}
      {templates === null ? (
        error ? null : (
          <Loading />
        )
      ) : templates.length === 0 ? (
        <EmptyState title={t('admin.templates.empty')} />
      ) : (
        <ul className="admin-list" aria-label={t('admin.templates')}>
          {templates.map((template) =>
            editing === template.id ? (
              <li key={template.id}>
                <div className="grow">
                  <h2>{t('admin.templates.editNamed', { name: template.name })}</h2>
                  <TemplateForm
                    prefix={prefix}
                    template={template}
                    categories={categories}
                    onSaved={onSaved}
                    onCancel={() => setEditing(null)}
                  />
                </div>
              </li>
            ) : (
              <li key={template.id}>
                <span>
                  <strong>{template.name}</strong>
                  {template.active ? null : <span className="inactive-tag">{t('admin.form.inactive')}</span>}
                  <br />
                  <span className="muted">
                    {template.status
                      ? t(`status.${template.status as ReportStatus}`)
                      : t('admin.templates.anyStatus')}{' '}
                    · {categoryName(template.categoryId)}
                  </span>
                </span>
                <Button variant="secondary" onClick={() => setEditing(template.id)}>
                  {t('admin.form.edit')}
                  <span className="visually-hidden"> {template.name}</span>
                </Button>
              </li>
            ),
          )}
        </ul>
      )}
    </>
  );
}
