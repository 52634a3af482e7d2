// One asset type's form: its name in three languages, its place in lists, whether it is in use
// and which categories a sticker on it suggests; a new type also gets its code
// (POST /admin/asset-types, PUT /admin/asset-types/{id}).
import { type FormEvent, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { AssetType } from '../../assets/assets-api.ts';
import { ADMIN, at, atId, type Category, codeFrom, useKommunenummer } from '../shared/api.ts';
import {
  cleanLocalized,
  errorsByField,
  fieldId,
  type Localized,
  pick,
  summaryItems,
} from '../shared/forms.ts';
import { Checkbox, LocalizedFields } from '../shared/inputs.tsx';

interface Draft {
  code: string;
  name: Localized;
  sortOrder: string;
  active: boolean;
  suggested: string[];
}

export function AssetTypeForm({
  type,
  categories,
  onSaved,
  onCancel,
}: {
  type: AssetType | null;
  categories: Category[];
  onSaved(type: AssetType): void;
  onCancel(): void;
}) {
  const k = useKommunenummer();
  const t = useT();
  const form = type ? `asset-type-${type.code}` : 'new-asset-type';
  const [draft, setDraft] = useState<Draft>(() => ({
    code: type?.code ?? '',
    name: { nb: type?.name.nb ?? '', nn: type?.name.nn ?? '', en: type?.name.en ?? '' },
    sortOrder: String(type?.sortOrder ?? 100),
    active: type?.active ?? true,
    suggested: type?.suggestedCategories ?? [],
  }));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const id = (field: string) => fieldId(form, field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const common = {
      name: cleanLocalized(draft.name),
      sortOrder: Number.parseInt(draft.sortOrder, 10) || 0,
      active: draft.active,
      suggestedCategories: draft.suggested,
    };
    try {
      const saved = type
        ? await ok(client.PUT(`${ADMIN}/asset-types/{id}`, { ...atId(k, type.id), body: common }))
        : await ok(
            client.POST(`${ADMIN}/asset-types`, {
              ...at(k),
              body: { ...common, code: draft.code.trim() || codeFrom(draft.name.nb) },
            }),
          );
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, form)} />
      {type ? null : (
        <Field
          id={id('code')}
          label={t('admin.assetTypes.code')}
          hint={t('admin.assetTypes.codeHint')}
          value={draft.code}
          maxLength={40}
          error={errors.code}
          onChange={(e) => set('code', e.target.value)}
        />
      )}
      <LocalizedFields
        form={form}
        field="name"
        legend={t('admin.assetTypes.name')}
        value={draft.name}
        onChange={(name) => set('name', name)}
        errors={errors}
      />
      <Field
        id={id('sortOrder')}
        inputMode="numeric"
        label={t('admin.assetTypes.sort')}
        value={draft.sortOrder}
        error={errors.sortOrder}
        onChange={(e) => set('sortOrder', e.target.value)}
      />
      <Checkbox
        id={id('active')}
        label={t('admin.assetTypes.active')}
        checked={draft.active}
        onChange={(on) => set('active', on)}
      />
      <fieldset className="asset-type-categories">
        <legend>{t('admin.assetTypes.suggested')}</legend>
        <p className="field-hint">{t('admin.assetTypes.suggestedHint')}</p>
        {errors.suggestedCategories ? <p className="field-error">{errors.suggestedCategories}</p> : null}
        {categories.map((c) => (
          <Checkbox
            key={c.id}
            id={id(`suggested-${c.code}`)}
            label={pick(c.name, t.language)}
            checked={draft.suggested.includes(c.code)}
            onChange={(on) =>
              set(
                'suggested',
                on ? [...draft.suggested, c.code] : draft.suggested.filter((x) => x !== c.code),
              )
            }
            error={errors[`suggestedCategories.${draft.suggested.indexOf(c.code)}`]}
          />
        ))}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" busy={saving} busyLabel={t('admin.form.saving')}>
          {type ? t('admin.assetTypes.save') : t('admin.assetTypes.create')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('admin.assetTypes.cancel')}
        </Button>
      </div>
    </form>
  );
}
