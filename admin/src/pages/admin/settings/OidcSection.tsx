// Login through the municipality's identity provider (GET/PUT /admin/oidc). The client secret
// is write-only: the server says only whether one is stored.
import { type FormEvent, useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { ADMIN, at, useKommunenummer } from '../shared/api.ts';
import { errorsByField, fieldId, summaryItems } from '../shared/forms.ts';
import { Checkbox, SavedNotice } from '../shared/inputs.tsx';

type Oidc = Answer<`${typeof ADMIN}/oidc`>;

const FORM = 'oidc';

export function OidcSection() {
  const k = useKommunenummer();
  const t = useT();
  const [stored, setStored] = useState<Oidc | null>(null);
  const [form, setForm] = useState({ issuer: '', clientId: '', clientSecret: '', label: '', enabled: false });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  const errors = errorsByField(error);

  useEffect(() => {
    ok(client.GET(`${ADMIN}/oidc`, at(k))).then((oidc) => {
      setStored(oidc);
      setForm({
        issuer: oidc.issuer ?? '',
        clientId: oidc.clientId ?? '',
        clientSecret: '',
        label: oidc.label ?? '',
        enabled: oidc.enabled,
      });
    }, setError);
  }, [k]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const { clientSecret, ...rest } = form;
      const next = await ok(client.PUT(`${ADMIN}/oidc`, { ...at(k), body: clientSecret ? form : rest }));
      setStored(next);
      setForm((old) => ({ ...old, clientSecret: '' }));
      setSaved(t('admin.form.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }
  const set = (key: keyof typeof form, value: string | boolean) => {
    setSaved('');
    setForm((old) => ({ ...old, [key]: value }));
  };
  const id = (field: string) => fieldId(FORM, field);
  return (
    <section className="admin-section" aria-labelledby={`${FORM}-title`}>
      <h2 id={`${FORM}-title`}>{t('admin.oidc.title')}</h2>
      <p>{t('admin.oidc.intro')}</p>
      {stored ? (
        <p>
          {t('admin.oidc.redirectUri')} <code>{stored.redirectUri}</code>
        </p>
      ) : null}
      <form className="admin-form" onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, FORM)} />
        <Field
          id={id('issuer')}
          type="url"
          label={t('admin.oidc.issuer')}
          value={form.issuer}
          error={errors.issuer}
          onChange={(e) => set('issuer', e.target.value)}
        />
        <Field
          id={id('clientId')}
          label={t('admin.oidc.clientId')}
          value={form.clientId}
          error={errors.clientId}
          onChange={(e) => set('clientId', e.target.value)}
        />
        <Field
          id={id('clientSecret')}
          type="password"
          autoComplete="new-password"
          label={t('admin.oidc.clientSecret')}
          hint={stored?.hasClientSecret ? t('admin.oidc.secretStored') : t('admin.oidc.secretMissing')}
          value={form.clientSecret}
          error={errors.clientSecret}
          onChange={(e) => set('clientSecret', e.target.value)}
        />
        <Field
          id={id('label')}
          label={t('admin.oidc.label')}
          hint={t('admin.oidc.labelHint')}
          value={form.label}
          error={errors.label}
          onChange={(e) => set('label', e.target.value)}
        />
        <Checkbox
          id={id('enabled')}
          label={t('admin.oidc.enabled')}
          checked={form.enabled}
          onChange={(on) => set('enabled', on)}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" busy={saving} busyLabel={t('admin.form.saving')}>
            {t('admin.oidc.save')}
          </Button>
          <SavedNotice message={saved} />
        </div>
      </form>
    </section>
  );
}
