// The invitations this municipality has sent that are not yet accepted or withdrawn: to whom,
// with which roles, when sent and until when they work (or that they expired). Each can be sent
// again (a new link; the old one dies) or withdrawn.
import { Button } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { Invitation } from '../shared/api.ts';

export function InvitationList({
  invitations,
  onResend,
  onWithdraw,
}: {
  invitations: Invitation[];
  onResend(invitation: Invitation): void;
  onWithdraw(invitation: Invitation): void;
}) {
  const t = useT();
  return (
    <section className="admin-section" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('admin.invitations.title')}</h2>
      {invitations.length === 0 ? (
        <p className="muted">{t('admin.invitations.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <caption className="visually-hidden">{t('admin.invitations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.invitations.person')}</th>
                <th scope="col">{t('admin.users.roles')}</th>
                <th scope="col">{t('admin.invitations.sent')}</th>
                <th scope="col">{t('admin.invitations.expires')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.form.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>
                    {invitation.name}
                    <br />
                    <span className="muted">{invitation.email}</span>
                  </td>
                  <td>{invitation.roles.map((role) => t(`admin.role.${role}`)).join(', ')}</td>
                  <td>{t.dateTime(invitation.createdAt)}</td>
                  <td>
                    {invitation.status === 'expired'
                      ? t('admin.invitations.expired', { time: t.dateTime(invitation.expiresAt) })
                      : t.dateTime(invitation.expiresAt)}
                  </td>
                  <td>
                    <div className="row-actions">
                      <Button variant="secondary" onClick={() => onResend(invitation)}>
                        {t('admin.invitations.resend')}
                        <span className="visually-hidden"> {invitation.email}</span>
                      </Button>
                      <Button variant="danger" onClick={() => onWithdraw(invitation)}>
                        {t('admin.invitations.withdraw')}
                        <span className="visually-hidden"> {invitation.email}</span>
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
