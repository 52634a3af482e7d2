// /account ("Min konto"): the logged-in person's own account, shared by every municipality they
// work for: name and language, password, and the link to a municipality's login. Coming back from
// linking at the provider, ?oidc= says how it went (then taken out of the address).
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../api/error-text.ts';
import { ErrorSummary, Loading } from '../../components/index.ts';
import { type TextKey, useT } from '../../i18n/index.ts';
import { PageHeading, PlainShell } from '../../layout/index.ts';
import { forgetUnsavedLanguage, useSession } from '../../session/index.ts';
import { accountApi, type OwnAccount } from './api.ts';
import { DetailsForm } from './DetailsForm.tsx';
import { OidcSection } from './OidcSection.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { SessionsSection } from './SessionsSection.tsx';
import '../login/reset-password.css';
import './account.css';

const OUTCOMES = ['linked', 'link_identity_taken', 'link_session_gone', 'link_already_linked', 'link_failed'];

export default function AccountPage() {
  const t = useT();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [account, setAccount] = useState<OwnAccount | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [outcome] = useState(() => {
    const value = search.get('oidc');
    return value && OUTCOMES.includes(value) ? value : null;
  });
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (search.has('oidc')) void navigate('/account', { replace: true });
  }, [search, navigate]);

  useEffect(() => {
    accountApi.get().then(setAccount, setLoadError);
  }, []);

  const saved = (next: OwnAccount) => {
    setAccount(next);
    // The language given here is the one wanted: any choice kept in the browser gives way.
    forgetUnsavedLanguage();
    // The name and language in the header and the UI language come from the session.
    void refresh();
  };

  return (
    <PlainShell>
      <div className="account-page">
        <PageHeading title={t('account.title')} />
        <p>
          <Link to="/">{t('account.back')}</Link>
        </p>
        {outcome ? (
          <p
            className={outcome === 'linked' ? 'reset-answer' : 'reset-answer reset-answer-problem'}
            role={outcome === 'linked' ? 'status' : 'alert'}
          >
            {t(`account.oidc.${outcome}` as TextKey)}
          </p>
        ) : null}
        {loadError ? (
          <ErrorSummary title={t('errors.summaryTitle')} items={[{ message: errorText(loadError, t) }]} />
        ) : null}
        {account === null ? (
          loadError ? null : (
            <Loading />
          )
        ) : (
          <>
            <p>
              {t('account.intro', {
                email: account.email,
                municipalities: account.memberships.map((m) => m.name).join(', ') || '–',
              })}
            </p>
            <p className="saved-notice" role="status" aria-live="polite">
              {notice}
            </p>
            <DetailsForm account={account} onSaved={saved} />
            {account.hasPassword ? <PasswordForm /> : <p>{t('account.noPassword')}</p>}
            <OidcSection
              account={account}
              onChanged={(next, message) => {
                setAccount(next);
                setNotice(message);
              }}
            />
            <SessionsSection />
          </>
        )}
      </div>
    </PlainShell>
  );
}
