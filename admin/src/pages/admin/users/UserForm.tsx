// One staff account's form: new (email and optional first password) or existing (name, language,
// roles and teams here, and active; deactivating ends all the account's sessions at once).
import { type FormEvent, useState } from 'react';
import { api } from '../../../api/client.ts';
import { Button, ErrorSummary, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { STAFF_ROLES, type StaffRole, type Team, type User } from '../shared/api.ts';
import { errorsByField, fieldId, summaryItems, useDraft } from '../shared/forms.ts';
import { Checkbox, Select } from '../shared/inputs.tsx';

interface Draft {
  name: string;
  email: string;
  language: 'nb' | 'nn' | 'en';
  roles: StaffRole[];
  teamIds: string[];
  password: string;
}

export function UserForm({
  prefix,
  user,
  teams,
  onSaved,
  onCancel,
}: {
  prefix: string;
  user: User | null;
  teams: Team[];
  onSaved(user: User, created: boolean): void;
  onCancel?: () => void;
}) {
  const t = useT();
  const form = user ? `user-${user.id}` : 'new-user';
  const [draft, setDraft, clearDraft] = useDraft<Draft>(`${prefix}/users/${user?.id ?? 'new'}`, () => ({
    name: user?.name ?? '',
    email: user?.email ?? '',
    language: user?.language ?? 'nb',
    roles: user?.roles ?? [],
    teamIds: user?.teams.map((team) => team.id) ?? [],
    password: '',
  }));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const errors = errorsByField(error);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((old) => ({ ...old, [key]: value }));
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list, item] : list.filter((x) => x !== item);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      const common = {
        name: draft.name,
        language: draft.language,
        roles: draft.roles,
        teamIds: draft.teamIds,
      };
      const saved = user
        ? await api.put<User>(`${prefix}/users/${user.id}`, common)
        : await api.post<User>(`${prefix}/users`, {
            ...common,
            email: draft.email,
            ...(draft.password ? { password: draft.password } : {}),
          });
      clearDraft();
      if (!user) setDraft({ name: '', email: '', language: 'nb', roles: [], teamIds: [], password: '' });
      onSaved(saved, !user);
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
        autoFocus={Boolean(user)}
      />
      {user ? null : (
        <Field
          id={id('email')}
          type="email"
          autoComplete="off"
          label={t('admin.users.email')}
          value={draft.email}
          error={errors.email}
          onChange={(e) => set('email', e.target.value)}
        />
      )}
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
      <fieldset id={id('roles')} tabIndex={-1}>
        <legend>{t('admin.users.roles')}</legend>
        {errors.roles ? <p className="field-error">{errors.roles}</p> : null}
        {STAFF_ROLES.map((role) => (
          <Checkbox
            key={role}
            id={id(`role-${role}`)}
            label={t(`admin.role.${role}`)}
            hint={t(`admin.roleHint.${role}`)}
            checked={draft.roles.includes(role)}
            onChange={(on) => set('roles', toggle(draft.roles, role, on))}
          />
        ))}
      </fieldset>
      <fieldset id={id('teamIds')} tabIndex={-1}>
        <legend>{t('admin.users.teams')}</legend>
        {errors.teamIds ? <p className="field-error">{errors.teamIds}</p> : null}
        {teams.length === 0 ? <p className="muted">{t('admin.teams.empty')}</p> : null}
        {teams.map((team) => (
          <Checkbox
            key={team.id}
            id={id(`team-${team.id}`)}
            label={team.name}
            checked={draft.teamIds.includes(team.id)}
            onChange={(on) => set('teamIds', toggle(draft.teamIds, team.id, on))}
          />
        ))}
      </fieldset>
      {user ? null : (
        <Field
          id={id('password')}
          type="password"
          autoComplete="new-password"
          label={t('admin.users.password')}
          hint={t('admin.users.passwordHint')}
          value={draft.password}
          error={errors.password}
          onChange={(e) => set('password', e.target.value)}
        />
      )}
      <div className="form-actions">
        <Button type="submit" busy={saving} busyLabel={t('admin.form.saving')}>
          {user ? t('admin.form.save') : t('admin.users.create')}
        </Button>
        {onCancel ? (
          <Button
            variant="secondary"
            onClick={() => {
              clearDraft();
              onCancel?.();
            }}
          >
            {t('admin.form.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
