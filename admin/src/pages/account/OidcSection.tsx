// Linking my account to a municipality's login, or removing the link: only in a password session.
// Linking leaves for the provider's page and comes back to this page with ?oidc=… (AccountPage).
import { useState } from 'react';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { accountApi, type OwnAccount } from './api.ts';

export function OidcSection({
  account,
  onChanged,
}: {
  account: OwnAccount;
  onChanged(account: OwnAccount, notice: string): void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(error);
      setBusy(false);
    }
  };

  const link = (kommunenummer: string) =>
    run(async () => {
      const { redirectTo } = await accountApi.link(kommunenummer);
      window.location.assign(redirectTo);
    });

  const unlink = () =>
    run(async () => {
      onChanged(await accountApi.unlink(), t('account.unlinked'));
      setBusy(false);
    });

  return (
    <section className="account-section" aria-labelledby="account-oidc-title">
      <h2 id="account-oidc-title">{t('account.oidcTitle')}</h2>
      {problem ? (
        <ErrorSummary title={t('errors.summaryTitle')} items={[{ message: errorText(problem, t) }]} />
      ) : null}
      <p>{account.oidcLinked ? t('account.oidcLinked') : t('account.oidcNotLinked')}</p>
      <p className="field-hint">{t('account.oidcHint')}</p>
      {!account.canLink ? (
        <p className="notice">{t('account.linkNeedsPassword')}</p>
      ) : account.oidcLinked ? (
        <Button variant="secondary" busy={busy} onClick={() => void unlink()}>
          {t('account.unlink')}
        </Button>
      ) : account.providers.length === 0 ? (
        <p className="muted">{t('account.noProviders')}</p>
      ) : (
        <ul className="account-providers">
          {account.providers.map((provider) => (
            <li key={provider.kommunenummer}>
              <Button variant="secondary" busy={busy} onClick={() => void link(provider.kommunenummer)}>
                {t('account.link', { name: provider.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
