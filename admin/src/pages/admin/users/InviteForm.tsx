// Inviting a person: their address, a name to greet them with, the language of the email, and
// their roles and teams here. The server answers the same whether or not the address has an
// account elsewhere; the person accepts from their mailbox.
import { type FormEvent, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { Invitation, StaffRole, Team } from '../shared/api.ts';
import { ADMIN, at, useKommunenummer } from '../shared/api.ts';
import { errorsByField, fieldId, summaryItems, useDraft } from '../shared/forms.ts';
import { Select } from '../shared/inputs.tsx';
import { MembershipFields } from './MembershipFields.tsx';

interface Draft {
  name: string;
  email: string;
  language: 'nb' | 'nn' | 'en';
  roles: StaffRole[];
  teamIds: string[];
}

const EMPTY: Draft = { name: '', email: '', language: 'nb', roles: [], teamIds: [] };

export function InviteForm({
  prefix,
  teams,
  onInvited,
}: {
  prefix: string;
  teams: Team[];
  onInvited(invitation: Invitation): void;
}) {
  const k = useKommunenummer();
  const t = useT();
  const form = 'new-user';
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`${prefix}/users/new`, () => EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const invitation = await ok(client.POST(`${ADMIN}/users`, { ...at(k), body: draft }));
      clearDraft();
      setDraft(EMPTY);
      onInvited(invitation);
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
        label={t('admin.users.name')}
        autoComplete="off"
        value={draft.name}
        error={errors.name}
        onChange={(e) => set('name', e.target.value)}
      />
      <Field
        id={id('email')}
        type="email"
        autoComplete="off"
        label={t('admin.users.email')}
        value={draft.email}
        error={errors.email}
        onChange={(e) => set('email', e.target.value)}
      />
      <Select
        id={id('language')}
        label={t('admin.users.language')}
        value={draft.language}
        error={errors.language}
        onChange={(e) => set('language', e.target.value as Draft['language'])}
      >
        {(['nb', 'nn', 'en'] as const).map((lang) => (
          <option key={lang} value={lang}>
            {t(`language.${lang}`)}
          </option>
        ))}
      </Select>
      <MembershipFields
        id={id}
        roles={draft.roles}
        teamIds={draft.teamIds}
        teams={teams}
        errors={errors}
        onRoles={(roles) => set('roles', roles)}
        onTeams={(teamIds) => set('teamIds', teamIds)}
      />
      <div className="form-actions">
        <Button type="submit" busy={saving} busyLabel={t('admin.form.saving')}>
          {t('admin.users.create')}
        </Button>
      </div>
    </form>
  );
}
