// One staff member's form: roles and teams here, and, when this administrator may change the
// account itself (it works for no municipality they do not administer), its name and language.
// Otherwise those are shown but cannot be changed, with who can. Deactivating is on the list.
import { type FormEvent, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { StaffRole, Team, User } from '../shared/api.ts';
import { ADMIN, atId, useKommunenummer } from '../shared/api.ts';
import { errorsByField, fieldId, summaryItems, useDraft } from '../shared/forms.ts';
import { Select } from '../shared/inputs.tsx';
import { MembershipFields } from './MembershipFields.tsx';

interface Draft {
  name: string;
  language: 'nb' | 'nn' | 'en';
  roles: StaffRole[];
  teamIds: string[];
}

export function UserForm({
  prefix,
  user,
  teams,
  onSaved,
  onCancel,
}: {
  prefix: string;
  user: User;
  teams: Team[];
  onSaved(user: User): void;
  onCancel(): void;
}) {
  const k = useKommunenummer();
  const t = useT();
  const form = `user-${user.id}`;
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`${prefix}/users/${user.id}`, () => ({
    name: user.name,
    language: user.language,
    roles: user.roles,
    teamIds: user.teams.map((team) => team.id),
  }));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const locked = !user.accountEditable;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const saved = await ok(
        client.PUT(`${ADMIN}/users/{id}`, {
          ...atId(k, user.id),
          body: {
            roles: draft.roles,
            teamIds: draft.teamIds,
            // The account's own fields only where this administrator may change them.
            ...(locked ? {} : { name: draft.name, language: draft.language }),
          },
        }),
      );
      clearDraft();
      onSaved(saved);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const id = (field: string) => fieldId(form, field);
  const lockedHint = locked ? t('admin.users.accountLocked') : undefined;
  return (
    <form className="admin-form" onSubmit={submit} noValidate>
      <ErrorSummary title={t('errors.formTitle')} items={summaryItems(error, t, form)} />
      <Field
        id={id('name')}
        label={t('admin.users.name')}
        autoComplete="off"
        value={draft.name}
        error={errors.name}
        hint={lockedHint}
        readOnly={locked}
        onChange={(e) => set('name', e.target.value)}
        autoFocus
      />
      <Select
        id={id('language')}
        label={t('admin.users.language')}
        value={draft.language}
        error={errors.language}
        disabled={locked}
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
