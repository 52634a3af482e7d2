// Administrasjon › Innstillinger: the municipality's name, address, languages, look and contact
// details (GET/PUT /admin/settings), and its login through the identity provider (OidcSection).
import { type FormEvent, useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';
import { Button, ErrorSummary, Field, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { ADMIN, at, useAdminPrefix, useKommunenummer } from '../shared/api.ts';
import { errorsByField, fieldId, summaryItems, useDraft } from '../shared/forms.ts';
import { Checkbox, SavedNotice, Select } from '../shared/inputs.tsx';
import { contrastWithWhite } from './contrast.ts';
import { OidcSection } from './OidcSection.tsx';

type Settings = Answer<`${typeof ADMIN}/settings`>;

const FORM = 'settings';

export default function SettingsPage() {
  const k = useKommunenummer();
  const t = useT();
  const prefix = useAdminPrefix();
  const [loaded, setLoaded] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  useEffect(() => {
    ok(client.GET(`${ADMIN}/settings`, at(k))).then(setLoaded, setLoadError);
  }, [k]);
  return (
    <>
      <PageHeading title={t('admin.settings')} />
      {loadError ? (
        <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(loadError, t, FORM)} />
      ) : null}
      {loaded ? <SettingsForm initial={loaded} prefix={prefix} /> : loadError ? null : <Loading />}
      <OidcSection />
    </>
  );
}

function SettingsForm({ initial, prefix }: { initial: Settings; prefix: string }) {
  const k = useKommunenummer();
  const t = useT();
  const [form, setForm, clearDraft] = useDraft<Settings>(`${prefix}/settings`, () => initial);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const errors = errorsByField(error);
  const contrast = contrastWithWhite(form.brandColor);
  const set = <K extends keyof Settings>(key: K, value: Settings[K]) => {
    setSaved('');
    setForm((old) => ({ ...old, [key]: value }));
  };
  const nullable = (value: string) => (value.trim() ? value.trim() : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const next = await ok(
        client.PUT(`${ADMIN}/settings`, {
          ...at(k),
          body: {
            ...form,
            logoUrl: nullable(form.logoUrl ?? ''),
            onCallPhone: nullable(form.onCallPhone ?? ''),
            contactEmail: nullable(form.contactEmail ?? ''),
          },
        }),
      );
      clearDraft();
      setForm(next);
      setSaved(t('admin.form.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const id = (field: string) => fieldId(FORM, field);
  return (
    <form className="admin-form" onSubmit={submit} noValidate aria-labelledby={`${FORM}-title`}>
      <h2 id={`${FORM}-title`} className="visually-hidden">
        {t('admin.settings')}
      </h2>
      <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, FORM)} />
      <Field
        id={id('name')}
        label={t('admin.settings.name')}
        value={form.name}
        error={errors.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <Field
        id={id('slug')}
        label={t('admin.settings.slug')}
        hint={t('admin.settings.slugHint', { slug: form.slug || '…' })}
        value={form.slug}
        error={errors.slug}
        onChange={(e) => set('slug', e.target.value)}
      />
      <fieldset id={id('languages')} tabIndex={-1}>
        <legend>{t('admin.settings.languages')}</legend>
        {errors.languages ? <p className="field-error">{errors.languages}</p> : null}
        {(['nb', 'nn', 'en'] as const).map((lang) => (
          <Checkbox
            key={lang}
            id={id(`languages-${lang}`)}
            label={t(`language.${lang}`)}
            checked={form.languages.includes(lang)}
            onChange={(on) =>
              set('languages', on ? [...form.languages, lang] : form.languages.filter((l) => l !== lang))
            }
          />
        ))}
      </fieldset>
      <Select
        id={id('defaultLanguage')}
        label={t('admin.settings.defaultLanguage')}
        value={form.defaultLanguage}
        error={errors.defaultLanguage}
        onChange={(e) => set('defaultLanguage', e.target.value === 'nn' ? 'nn' : 'nb')}
      >
        <option value="nb">{t('language.nb')}</option>
        <option value="nn">{t('language.nn')}</option>
      </Select>
      <Field
        id={id('logoUrl')}
        type="url"
        label={t('admin.settings.logoUrl')}
        value={form.logoUrl ?? ''}
        error={errors.logoUrl}
        onChange={(e) => set('logoUrl', e.target.value)}
      />
      <div className="brand-colour">
        <Field
          id={id('brandColor')}
          label={t('admin.settings.brandColor')}
          hint={t('admin.settings.brandColorHint')}
          value={form.brandColor}
          error={errors.brandColor}
          onChange={(e) => set('brandColor', e.target.value)}
        />
        <input
          type="color"
          aria-label={t('admin.settings.brandColorPicker')}
          value={/^#[0-9a-f]{6}$/i.test(form.brandColor) ? form.brandColor : '#000000'}
          onChange={(e) => set('brandColor', e.target.value)}
        />
        <p className="brand-sample" aria-live="polite">
          <span className="brand-swatch" style={{ background: contrast ? form.brandColor : 'transparent' }}>
            {t('admin.settings.brandSample')}
          </span>{' '}
          {contrast === null
            ? t('admin.settings.brandInvalid')
            : t(contrast >= 4.5 ? 'admin.settings.contrastOk' : 'admin.settings.contrastLow', {
                ratio: contrast.toFixed(1),
              })}
        </p>
      </div>
      <Field
        id={id('onCallPhone')}
        type="tel"
        label={t('admin.settings.onCallPhone')}
        hint={t('admin.settings.onCallHint')}
        value={form.onCallPhone ?? ''}
        error={errors.onCallPhone}
        onChange={(e) => set('onCallPhone', e.target.value)}
      />
      <Field
        id={id('contactEmail')}
        type="email"
        label={t('admin.settings.contactEmail')}
        value={form.contactEmail ?? ''}
        error={errors.contactEmail}
        onChange={(e) => set('contactEmail', e.target.value)}
      />
      <Checkbox
        id={id('enabled')}
        label={t('admin.settings.enabled')}
        hint={t('admin.settings.enabledHint')}
        checked={form.enabled}
        onChange={(on) => set('enabled', on)}
      />
      <div className="form-actions">
        <Button type="submit" busy={saving} busyLabel={t('admin.form.saving')}>
          {t('admin.form.save')}
        </Button>
        <SavedNotice message={saved} />
      </div>
    </form>
  );
}
