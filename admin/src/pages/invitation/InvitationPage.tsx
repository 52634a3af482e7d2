// /invitation?token=… : the page behind the link in an invitation email, outside the login. It
// takes the token out of the address at once (invitation-token.ts), asks the server what the
// invitation offers, and lets the person accept: by logging in as the invited address (an
// account exists) and then accepting, or by creating their account. An invitation that cannot be
// used gets the server's words, in the person's language.
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary, Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading, PlainShell } from '../../layout/index.ts';
import { type StaffSession, useSession } from '../../session/index.ts';
import type { StaffRole } from '../admin/shared/api.ts';
import { type InvitationLookup, invitationApi } from './api.ts';
import { forgetInvitationToken, takeInvitationToken } from './invitation-token.ts';
import { NewAccountForm } from './NewAccountForm.tsx';
import '../login/reset-password.css';

type View =
  | { kind: 'loading' }
  | { kind: 'dead'; message: string }
  | { kind: 'ready'; invitation: InvitationLookup }
  | { kind: 'accepted-elsewhere'; municipality: string };

export default function InvitationPage() {
  const t = useT();
  const navigate = useNavigate();
  const { state, refresh, logout } = useSession();
  const [token] = useState(takeInvitationToken);
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const sessionKey = state.status === 'authenticated' ? state.session.user.id : state.status;

  const dead = useCallback((message: string) => {
    forgetInvitationToken();
    setView({ kind: 'dead', message });
  }, []);

  // Looked up again when the session changes (after logging in or out as someone else).
  useEffect(() => {
    if (!token) {
      setView({ kind: 'dead', message: t('invitation.missingToken') });
      return;
    }
    if (sessionKey === 'loading') return;
    let current = true;
    invitationApi.lookup(token).then(
      (invitation) => {
        if (current) setView({ kind: 'ready', invitation });
      },
      (error: unknown) => {
        if (!current) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 410)) dead(error.message);
        else setProblem(error);
      },
    );
    return () => {
      current = false;
    };
  }, [token, sessionKey, dead, t]);

  const enter = async (kommunenummer: string, municipality: string) => {
    forgetInvitationToken();
    await refresh();
    // A session opened through another municipality's login does not cover the new one.
    const session = state.status === 'authenticated' ? state.session : null;
    if (session?.scope && session.scope !== kommunenummer) {
      setView({ kind: 'accepted-elsewhere', municipality });
      return;
    }
    await navigate(`/m/${kommunenummer}/inbox`, { replace: true });
  };

  const accept = async () => {
    if (!token) return;
    setBusy(true);
    setProblem(null);
    try {
      const joined = await invitationApi.accept(token);
      await enter(joined.kommunenummer, joined.name);
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && (error.status === 404 || error.status === 410)) dead(error.message);
      else setProblem(error);
    }
  };

  const created = async (session: StaffSession) => {
    forgetInvitationToken();
    await refresh();
    await navigate(`/m/${session.memberships[0]?.kommunenummer ?? ''}/inbox`, { replace: true });
  };

  return (
    <PlainShell>
      <div className="login reset-password">
        <PageHeading title={t('invitation.title')} />
        {problem ? (
          <ErrorSummary title={t('errors.summaryTitle')} items={[{ message: errorText(problem, t) }]} />
        ) : null}
        {view.kind === 'loading' ? problem ? null : <Loading /> : null}
        {view.kind === 'dead' ? (
          <div className="reset-answer reset-answer-problem">
            <h2>{t('invitation.problemTitle')}</h2>
            <p role="alert">{view.message}</p>
            <p>
              <Link to="/login">{t('reset.backToLogin')}</Link>
            </p>
          </div>
        ) : null}
        {view.kind === 'accepted-elsewhere' ? (
          <p className="reset-answer" role="status">
            {t('invitation.acceptedScoped', { municipality: view.municipality })}
          </p>
        ) : null}
        {view.kind === 'ready' && token ? (
          <Offer
            invitation={view.invitation}
            token={token}
            busy={busy}
            onAccept={() => void accept()}
            onLogOut={() => void logout()}
            onCreated={(session) => void created(session)}
            onDead={dead}
          />
        ) : null}
      </div>
    </PlainShell>
  );
}

function Offer({
  invitation,
  token,
  busy,
  onAccept,
  onLogOut,
  onCreated,
  onDead,
}: {
  invitation: InvitationLookup;
  token: string;
  busy: boolean;
  onAccept(): void;
  onLogOut(): void;
  onCreated(session: StaffSession): void;
  onDead(message: string): void;
}) {
  const t = useT();
  const { state } = useSession();
  const navigate = useNavigate();
  const roles = invitation.roles.map((role) => t(`admin.role.${role as StaffRole}`)).join(', ');
  const current = state.status === 'authenticated' ? state.session.user.email : null;
  return (
    <>
      <p>{t('invitation.intro', { municipality: invitation.municipality.name, email: invitation.email })}</p>
      <p>{t('invitation.roles', { roles })}</p>
      <p className="muted">{t('invitation.expires', { time: t.dateTime(invitation.expiresAt) })}</p>
      {!invitation.accountExists ? (
        <NewAccountForm token={token} initialName={invitation.name} onCreated={onCreated} onDead={onDead} />
      ) : invitation.signedInAsInvitee ? (
        <div className="reset-answer">
          <p>{t('invitation.signedIn', { email: invitation.email })}</p>
          <Button busy={busy} busyLabel={t('invitation.accepting')} onClick={onAccept}>
            {t('invitation.accept')}
          </Button>
        </div>
      ) : current ? (
        <div className="reset-answer reset-answer-problem">
          <p>{t('invitation.otherAccount', { current, email: invitation.email })}</p>
          <Button variant="secondary" onClick={onLogOut}>
            {t('invitation.logOut')}
          </Button>
        </div>
      ) : (
        <div className="reset-answer">
          <p>{t('invitation.logInToAccept', { email: invitation.email })}</p>
          <div className="reset-actions">
            <Button
              onClick={() =>
                void navigate('/login', { state: { from: '/invitation', email: invitation.email } })
              }
            >
              {t('invitation.logIn', { email: invitation.email })}
            </Button>
            <Link to="/reset-password" state={{ email: invitation.email }}>
              {t('invitation.forgot')}
            </Link>
          </div>
        </div>
      )}
    </>
  );
}
