// Administrasjon › Brukere: who works in this municipality, with which roles and teams; add one,
// change one, deactivate one (which logs them out everywhere) or bring them back.
import { useEffect, useState } from 'react';
import { api } from '../../../api/client.ts';
import { Button, ErrorSummary, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { type Team, type User, useAdminPrefix } from '../shared/api.ts';
import { summaryItems } from '../shared/forms.ts';
import { SavedNotice } from '../shared/inputs.tsx';
import { UserForm } from './UserForm.tsx';

export default function UsersPage() {
  const t = useT();
  const prefix = useAdminPrefix();
  const [users, setUsers] = useState<User[] | null>(null);
  const [teams, setTeams] = useState<Team[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    Promise.all([
      api.get<{ users: User[] }>(`${prefix}/users`),
      api.get<{ teams: Team[] }>(`${prefix}/teams`),
    ]).then(([u, tm]) => {
      setUsers(u.users);
      setTeams(tm.teams);
    }, setError);
  }, [prefix]);

  const put = (user: User) =>
    setUsers((old) =>
      old?.some((x) => x.id === user.id)
        ? old.map((x) => (x.id === user.id ? user : x))
        : [...(old ?? []), user],
    );

  async function setActive(user: User, active: boolean) {
    if (!active && !window.confirm(t('admin.users.confirmDeactivate', { name: user.name }))) return;
    setError(null);
    try {
      const next = await api.put<User>(`${prefix}/users/${user.id}`, { active });
      put(next);
      setSaved(t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: user.name }));
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <>
      <PageHeading title={t('admin.users')} />
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'users')} />
      <SavedNotice message={saved} />
      {users === null ? (
        error ? null : (
          <Loading />
        )
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.users')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('admin.users.roles')}</th>
                <th scope="col">{t('admin.users.teams')}</th>
                <th scope="col">{t('admin.users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.form.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) =>
                editing === user.id ? (
                  <tr key={user.id}>
                    <td colSpan={5}>
                      <h2>{t('admin.users.editNamed', { name: user.name })}</h2>
                      <UserForm
                        prefix={prefix}
                        user={user}
                        teams={teams}
                        onCancel={() => setEditing(null)}
                        onSaved={(next) => {
                          put(next);
                          setEditing(null);
                          setSaved(t('admin.users.saved', { name: next.name }));
                        }}
                      />
                    </td>
                  </tr>
                ) : (
                  <tr key={user.id}>
                    <td>
                      {user.name}
                      <br />
                      <span className="muted">{user.email}</span>
                    </td>
                    <td>{user.roles.map((role) => t(`admin.role.${role}`)).join(', ') || '–'}</td>
                    <td>{user.teams.map((team) => team.name).join(', ') || '–'}</td>
                    <td>{user.active ? t('admin.users.active') : t('admin.users.inactive')}</td>
                    <td>
                      <div className="row-actions">
                        <Button variant="secondary" onClick={() => setEditing(user.id)}>
                          {t('admin.form.edit')}
                          <span className="visually-hidden"> {user.name}</span>
                        </Button>
                        <Button
                          variant={user.active ? 'danger' : 'secondary'}
                          onClick={() => void setActive(user, !user.active)}
                        >
                          {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                          <span className="visually-hidden"> {user.name}</span>
                        </Button>
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">{t('admin.users.deactivateHint')}</p>
      <section className="admin-section" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('admin.users.new')}</h2>
        <UserForm
          prefix={prefix}
          user={null}
          teams={teams}
          onSaved={(user) => {
            put(user);
            setSaved(t('admin.users.created', { name: user.name }));
          }}
        />
      </section>
    </>
  );
}
