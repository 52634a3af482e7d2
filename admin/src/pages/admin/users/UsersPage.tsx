// Administrasjon › Brukere: who works in this municipality, with which roles and teams; change
// one, deactivate one (which logs them out everywhere) or bring them back, or have a link to set
// a new password sent to them. New people are invited: they accept from their mailbox, and the
// invitations still waiting can be sent again or withdrawn.
import { useEffect, useState } from 'react';
import { client, ok } from '../../../api/client.ts';
import { Button, ErrorSummary, Loading } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import {
  ADMIN,
  at,
  atId,
  type Invitation,
  type Team,
  type User,
  useAdminPrefix,
  useKommunenummer,
} from '../shared/api.ts';
import { summaryItems } from '../shared/forms.ts';
import { SavedNotice } from '../shared/inputs.tsx';
import { InvitationList } from './InvitationList.tsx';
import { InviteForm } from './InviteForm.tsx';
import { UserForm } from './UserForm.tsx';
import { UserSessions } from './UserSessions.tsx';

export default function UsersPage() {
  const k = useKommunenummer();
  const t = useT();
  const prefix = useAdminPrefix();
  const [users, setUsers] = useState<User[] | null>(null);
  const [invitations, setInvitations] = useState<Invitation[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [sessionsFor, setSessionsFor] = useState<string | null>(null);
  const [saved, setSaved] = useState('');

  useEffect(() => {
    Promise.all([
      ok(client.GET(`${ADMIN}/users`, at(k))),
      ok(client.GET(`${ADMIN}/teams`, at(k))),
      ok(client.GET(`${ADMIN}/invitations`, at(k))),
    ]).then(([u, tm, inv]) => {
      setUsers(u.users);
      setTeams(tm.teams);
      setInvitations(inv.invitations);
    }, setError);
  }, [k]);

  const put = (user: User) =>
    setUsers((old) =>
      old?.some((x) => x.id === user.id)
        ? old.map((x) => (x.id === user.id ? user : x))
        : [...(old ?? []), user],
    );

  async function run(action: () => Promise<string>) {
    setError(null);
    setSaved('');
    try {
      setSaved(await action());
    } catch (failure) {
      setError(failure);
    }
  }

  const setActive = (user: User, active: boolean) =>
    run(async () => {
      if (!active && !window.confirm(t('admin.users.confirmDeactivate', { name: user.name }))) return '';
      put(await ok(client.PUT(`${ADMIN}/users/{id}`, { ...atId(k, user.id), body: { active } })));
      return t(active ? 'admin.users.reactivated' : 'admin.users.deactivated', { name: user.name });
    });

  const sendReset = (user: User) =>
    run(async () => {
      await ok(client.POST(`${ADMIN}/users/{id}/password-reset`, atId(k, user.id)));
      return t('admin.users.resetSent', { email: user.email });
    });

  const resend = (invitation: Invitation) =>
    run(async () => {
      const fresh = await ok(client.POST(`${ADMIN}/invitations/{id}/resend`, atId(k, invitation.id)));
      setInvitations((old) => [fresh, ...old.filter((x) => x.id !== invitation.id)]);
      return t('admin.invitations.resent', { email: invitation.email });
    });

  const withdraw = (invitation: Invitation) =>
    run(async () => {
      if (!window.confirm(t('admin.invitations.confirmWithdraw', { email: invitation.email }))) return '';
      await ok(client.DELETE(`${ADMIN}/invitations/{id}`, atId(k, invitation.id)));
      setInvitations((old) => old.filter((x) => x.id !== invitation.id));
      return t('admin.invitations.withdrawn', { email: invitation.email });
    });

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
                ) : sessionsFor === user.id ? (
                  <tr key={user.id}>
                    <td colSpan={5}>
                      <UserSessions
                        kommunenummer={k}
                        user={user}
                        onClose={() => setSessionsFor(null)}
                        onEnded={(message) => {
                          setError(null);
                          setSaved(message);
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
                        <Button variant="secondary" onClick={() => setSessionsFor(user.id)}>
                          {t('sessions.show')}
                          <span className="visually-hidden"> {user.name}</span>
                        </Button>
                        {user.accountEditable ? (
                          <Button
                            variant={user.active ? 'danger' : 'secondary'}
                            onClick={() => void setActive(user, !user.active)}
                          >
                            {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
                            <span className="visually-hidden"> {user.name}</span>
                          </Button>
                        ) : null}
                        {user.accountEditable && user.active && user.hasPassword ? (
                          <Button variant="secondary" onClick={() => void sendReset(user)}>
                            {t('admin.users.sendReset')}
                            <span className="visually-hidden"> {user.name}</span>
                          </Button>
                        ) : null}
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
      <InvitationList
        invitations={invitations}
        onResend={(invitation) => void resend(invitation)}
        onWithdraw={(invitation) => void withdraw(invitation)}
      />
      <section className="admin-section" aria-labelledby="new-user-title">
        <h2 id="new-user-title">{t('admin.users.new')}</h2>
        <p>{t('admin.users.inviteIntro')}</p>
        <InviteForm
          prefix={prefix}
          teams={teams}
          onInvited={(invitation) => {
            setInvitations((old) => [invitation, ...old]);
            setSaved(t('admin.users.invited', { email: invitation.email }));
          }}
        />
      </section>
    </>
  );
}
