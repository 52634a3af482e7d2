// A reply template's form: name, for which status and category it is offered, the text in each
// language, and a preview with the placeholders filled in as they will be for a real report.
import { type FormEvent, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import {
  Button,
  ErrorSummary,
  Field,
  REPORT_STATUSES,
  type ReportStatus,
} from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { Category, Template } from '../shared/api.ts';
import { ADMIN, at, atId, useKommunenummer } from '../shared/api.ts';
import {
  cleanLocalized,
  errorsByField,
  fieldId,
  type Localized,
  pick,
  summaryItems,
  useDraft,
} from '../shared/forms.ts';
import { Checkbox, LocalizedFields, Select } from '../shared/inputs.tsx';

interface Draft {
  name: string;
  /** '' for every status. */
  status: ReportStatus | '';
  categoryId: string;
  body: Localized;
  active: boolean;
}

export function TemplateForm({
  prefix,
  template,
  categories,
  onSaved,
  onCancel,
}: {
  prefix: string;
  template: Template | null;
  categories: Category[];
  onSaved(template: Template): void;
  onCancel(): void;
}) {
  const k = useKommunenummer();
  const t = useT();
  const form = template ? `template-${template.id}` : 'new-template';
  const [draft, setDraft, clearDraft] = useDraft<Draft>(
    `${prefix}/templates/${template?.id ?? 'new'}`,
    () => ({
      name: template?.name ?? '',
      status: template?.status ?? '',
      categoryId: template?.categoryId ?? '',
      body: template?.body ?? { nb: '', nn: '', en: '' },
      active: template?.active ?? true,
    }),
  );
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const category = categories.find((c) => c.id === draft.categoryId);
  const preview = (pick(draft.body, t.language) || '')
    .replaceAll('{ref}', '4001-2026-00123')
    .replaceAll(
      '{category}',
      category ? pick(category.name, t.language) : t('admin.templates.sampleCategory'),
    )
    .replaceAll('{address}', 'Storgata 1');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const body = {
      name: draft.name,
      status: draft.status || null,
      categoryId: draft.categoryId || null,
      body: cleanLocalized(draft.body),
      active: draft.active,
    };
    try {
      const saved = template
        ? await ok(client.PUT(`${ADMIN}/templates/{id}`, { ...atId(k, template.id), body }))
        : await ok(client.POST(`${ADMIN}/templates`, { ...at(k), body }));
      clearDraft();
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const id = (field: string) => fieldId(form, field);
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, form)} />
      <Field
        id={id('name')}
        label={t('admin.templates.name')}
        value={draft.name}
        error={errors.name}
        onChange={(e) => set('name', e.target.value)}
        autoFocus
      />
      <Select
        id={id('status')}
        label={t('admin.templates.status')}
        hint={t('admin.templates.statusHint')}
        value={draft.status}
        error={errors.status}
        onChange={(e) => set('status', e.target.value as Draft['status'])}
      >
        <option value="">{t('admin.templates.anyStatus')}</option>
        {REPORT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </Select>
      <Select
        id={id('categoryId')}
        label={t('admin.templates.category')}
        value={draft.categoryId}
        error={errors.categoryId}
        onChange={(e) => set('categoryId', e.target.value)}
      >
        <option value="">{t('admin.templates.anyCategory')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {pick(c.name, t.language)}
          </option>
        ))}
      </Select>
      <p className="field-hint" id={id('placeholders')}>
        {t('admin.templates.placeholders')}
      </p>
      <LocalizedFields
        form={form}
        field="body"
        legend={t('admin.templates.body')}
        value={draft.body}
        onChange={(body) => set('body', body)}
        errors={errors}
        multiline
      />
      <Checkbox
        id={id('active')}
        label={t('admin.templates.active')}
        checked={draft.active}
        onChange={(on) => set('active', on)}
      />
      <section className="template-preview" aria-labelledby={id('preview-title')}>
        <h3 id={id('preview-title')}>{t('admin.templates.preview')}</h3>
        <p className="preview-text">{preview || t('admin.templates.previewEmpty')}</p>
      </section>
      <div className="form-actions">
        <Button type="submit" busy={saving} busyLabel={t('admin.form.saving')}>
          {t('admin.form.save')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            clearDraft();
            onCancel();
          }}
        >
          {t('admin.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
