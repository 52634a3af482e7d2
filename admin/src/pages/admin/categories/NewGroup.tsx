// A new category group (POST /admin/groups): its name in three languages; the code is made from it.
import { type FormEvent, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { ADMIN, at, codeFrom, type Group, useKommunenummer } from '../shared/api.ts';
import { cleanLocalized, errorsByField, type Localized, summaryItems } from '../shared/forms.ts';
import { LocalizedFields } from '../shared/inputs.tsx';

const FORM = 'new-group';

export function NewGroup({ onCreated }: { onCreated(group: Group): void }) {
  const k = useKommunenummer();
  const t = useT();
  const [name, setName] = useState<Localized>({ nb: '', nn: '', en: '' });
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onCreated(
        await ok(
          client.POST(`${ADMIN}/groups`, {
            ...at(k),
            body: {
              code: codeFrom(name.nb) || 'gruppe',
              name: cleanLocalized(name),
            },
          }),
        ),
      );
      setName({ nb: '', nn: '', en: '' });
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }
  return (
    <section className="admin-section" aria-labelledby={`${FORM}-title`}>
      <h2 id={`${FORM}-title`}>{t('admin.group.new')}</h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, FORM)} />
        <LocalizedFields
          form={FORM}
          field="name"
          legend={t('admin.group.name')}
          value={name}
          errors={errorsByField(error)}
          onChange={setName}
        />
        <div className="form-actions">
          <Button type="submit" variant="secondary" busy={saving} busyLabel={t('admin.form.saving')}>
            {t('admin.group.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
