// Log in with email and password (POST /api/v1/staff/session), or through a municipality's own
// login (OIDC links from GET /api/v1/staff/login-options). The server's refusal (wrong password,
// too many attempts) is shown as it says it, in the UI language, in a summary that takes focus.
import { type FormEvent, useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary, Field, type SummaryItem } from '../../components/index.ts';
import { type TextKey, useT } from '../../i18n/index.ts';
import { PageHeading, PlainShell } from '../../layout/index.ts';
import { type LoginOptions, sessionApi, useSession } from '../../session/index.ts';
import './reset-password.css';

/** What the OIDC routes' ?error= codes mean. */
const OIDC_ERRORS = new Map<string, TextKey>([
  ['oidc_failed', 'login.oidcFailed'],
  ['oidc_no_account', 'login.oidcNoAccount'],
  ['oidc_rate_limited', 'login.oidcRateLimited'],
]);

const EMAIL_ID = 'login-email';
const PASSWORD_ID = 'login-password';

function useLoginOptions(): LoginOptions['oidc'] {
  const [options, setOptions] = useState<LoginOptions['oidc']>([]);
  useEffect(() => {
    let current = true;
    sessionApi
      .loginOptions()
      .then((answer) => {
        if (current) setOptions(answer.oidc);
      })
      // No other options to offer: the form alone is shown.
      .catch(() => {});
    return () => {
      current = false;
    };
  }, []);
  return options;
}

/** The field app's addresses (`/felt`, `/m/4001/felt/…`). */
const FIELD_ADDRESS = /^\/(felt|m\/[^/]+\/felt)(\/|$)/;

/** How the device is listed under the account's sessions: "Feltapp (Android)". */
function deviceName(): string {
  const agent = navigator.userAgent;
  const platform = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad|iPod/.test(agent)
      ? 'iOS'
      : /Windows/.test(agent)
        ? 'Windows'
        : /Mac OS X/.test(agent)
          ? 'macOS'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return platform ? `Feltapp (${platform})` : 'Feltapp';
}

export default function LoginPage() {
  const t = useT();
  const { state, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // Where to go after logging in, and the address to log in with (an invitation's page sends both).
  const arrival = location.state as { from?: string; email?: string } | null;
  const from = arrival?.from ?? '/';
  const oidc = useLoginOptions();
  const [email, setEmail] = useState(arrival?.email ?? '');
  const [password, setPassword] = useState('');
  const [sending, setSending] = useState(false);
  // Logging in to the field app (or the installed app): offered to stay logged in on the device.
  const forField = FIELD_ADDRESS.test(from) || window.matchMedia?.('(display-mode: standalone)').matches;
  const [keepDevice, setKeepDevice] = useState(true);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});
  // The OIDC callback comes back here with ?error= when the municipality's login failed.
  const [search] = useSearchParams();
  const oidcError = OIDC_ERRORS.get(search.get('error') ?? '');
  const [problems, setProblems] = useState<SummaryItem[]>(() =>
    oidcError ? [{ message: t(oidcError) }] : [],
  );

  if (state.status === 'authenticated' && !sending) return <Navigate to={from} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = {
      ...(email.trim() ? {} : { email: t('login.emailRequired') }),
      ...(password ? {} : { password: t('login.passwordRequired') }),
    };
    setFieldErrors(missing);
    const items: SummaryItem[] = [];
    if (missing.email) items.push({ message: missing.email, fieldId: EMAIL_ID });
    if (missing.password) items.push({ message: missing.password, fieldId: PASSWORD_ID });
    setProblems(items);
    if (items.length > 0) return;

    setSending(true);
    try {
      await login(email.trim(), password, forField && keepDevice ? deviceName() : undefined);
      await navigate(from, { replace: true });
    } catch (error) {
      setPassword('');
      setProblems([{ message: errorText(error, t) }]);
      setSending(false);
    }
  };

  return (
    <PlainShell>
      <div className="login">
        <PageHeading title={t('login.title')} />
        <p>{t('login.intro')}</p>
        {state.status === 'anonymous' && state.problem && problems.length === 0 ? (
          <p className="notice">{t('login.sessionCheckFailed', { message: errorText(state.problem, t) })}</p>
        ) : null}
        <ErrorSummary
          title={fieldErrors.email || fieldErrors.password ? t('errors.formTitle') : t('errors.summaryTitle')}
          items={problems}
        />
        <form className="login-form" onSubmit={submit} noValidate>
          <Field
            id={EMAIL_ID}
            label={t('login.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={fieldErrors.email}
          />
          <Field
            id={PASSWORD_ID}
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={fieldErrors.password}
          />
          {forField ? (
            <div className="login-device">
              <input
                type="checkbox"
                id="login-device"
                checked={keepDevice}
                aria-describedby="login-device-hint"
                onChange={(event) => setKeepDevice(event.target.checked)}
              />
              <label htmlFor="login-device">{t('login.keepDevice')}</label>
              <p className="field-hint" id="login-device-hint">
                {t('login.keepDeviceHint')}
              </p>
            </div>
          ) : null}
          <Button type="submit" busy={sending} busyLabel={t('login.sending')}>
            {t('login.submit')}
          </Button>
        </form>
        <p className="login-forgot">
          <Link to="/reset-password" state={{ email: email.trim() }}>
            {t('reset.forgot')}
          </Link>
        </p>
        {oidc.length > 0 ? (
          <section className="login-options" aria-labelledby="login-options-heading">
            <h2 id="login-options-heading">{t('login.otherOptions')}</h2>
            <ul>
              {oidc.map((option) => (
                <li key={option.kommunenummer}>
                  <a className="button button-secondary" href={option.startUrl}>
                    {t('login.withProvider', { name: option.name })}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </PlainShell>
  );
}
