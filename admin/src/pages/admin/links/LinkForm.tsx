// A report link's form: what the QR sticker is on (label, asset, place) and which category the
// form opens with (GET/POST/PUT /admin/report-links).
import { type FormEvent, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { Category, ReportLink } from '../shared/api.ts';
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
  label: Localized;
  assetRef: string;
  address: string;
  lat: string;
  lon: string;
  category: string;
  active: boolean;
}

const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

export function LinkForm({
  prefix,
  link,
  categories,
  onSaved,
  onCancel,
}: {
  prefix: string;
  link: ReportLink | null;
  categories: Category[];
  onSaved(link: ReportLink): void;
  onCancel(): void;
}) {
  const k = useKommunenummer();
  const t = useT();
  const form = link ? `link-${link.id}` : 'new-link';
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`${prefix}/links/${link?.id ?? 'new'}`, () => ({
    label: link?.label ?? { nb: '', nn: '', en: '' },
    assetRef: link?.assetRef ?? '',
    address: link?.address ?? '',
    lat: link?.lat?.toString() ?? '',
    lon: link?.lon?.toString() ?? '',
    category: link?.suggestedCategories[0] ?? '',
    active: link?.active ?? true,
  }));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const body = {
      label: cleanLocalized(draft.label),
      assetRef: draft.assetRef.trim() || null,
      address: draft.address.trim() || null,
      lat: number(draft.lat),
      lon: number(draft.lon),
      suggestedCategories: draft.category
        ? [draft.category, ...(link?.suggestedCategories.slice(1) ?? [])]
        : [],
      active: draft.active,
    };
    try {
      const saved = link
        ? await ok(client.PUT(`${ADMIN}/report-links/{id}`, { ...atId(k, link.id), body }))
        : await ok(client.POST(`${ADMIN}/report-links`, { ...at(k), body }));
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
      <LocalizedFields
        form={form}
        field="label"
        legend={t('admin.links.label')}
        value={draft.label}
        onChange={(label) => set('label', label)}
        errors={errors}
      />
      <Field
        id={id('assetRef')}
        label={t('admin.links.asset')}
        hint={t('admin.links.assetHint')}
        value={draft.assetRef}
        error={errors.assetRef}
        onChange={(e) => set('assetRef', e.target.value)}
      />
      <Field
        id={id('address')}
        label={t('admin.links.address')}
        value={draft.address}
        error={errors.address}
        onChange={(e) => set('address', e.target.value)}
      />
      <div className="field-row">
        <Field
          id={id('lat')}
          inputMode="decimal"
          label={t('admin.links.lat')}
          value={draft.lat}
          error={errors.lat}
          onChange={(e) => set('lat', e.target.value)}
        />
        <Field
          id={id('lon')}
          inputMode="decimal"
          label={t('admin.links.lon')}
          value={draft.lon}
          error={errors.lon}
          onChange={(e) => set('lon', e.target.value)}
        />
      </div>
      <Select
        id={id('suggestedCategories')}
        label={t('admin.links.category')}
        value={draft.category}
        error={errors.suggestedCategories}
        onChange={(e) => set('category', e.target.value)}
      >
        <option value="">{t('admin.links.noCategory')}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.code}>
            {pick(c.name, t.language)}
          </option>
        ))}
      </Select>
      <Checkbox
        id={id('active')}
        label={t('admin.links.active')}
        checked={draft.active}
        onChange={(on) => set('active', on)}
      />
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
