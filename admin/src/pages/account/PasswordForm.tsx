// Changing my password: the current one, and the new one twice. Every other device is logged
// out; this one stays. Throttled on the server like a login.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary, Field, type SummaryItem } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { MIN_PASSWORD_LENGTH } from '../login/SetPasswordForm.tsx';
import { accountApi } from './api.ts';

type Problems = { currentPassword?: string; newPassword?: string; repeat?: string };
const IDS = { currentPassword: 'account-current', newPassword: 'account-new', repeat: 'account-repeat' };

export function PasswordForm() {
  const t = useT();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<Problems>({});
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');

  const show = (found: Problems) => {
    setErrors(found);
    setProblems(
      (Object.keys(found) as (keyof Problems)[]).map((field) => ({
        message: found[field] ?? '',
        fieldId: IDS[field],
      })),
    );
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice('');
    const found: Problems = {};
    if (!current) found.currentPassword = t('account.currentRequired');
    if (!next) found.newPassword = t('reset.passwordRequired');
    else if ([...next].length < MIN_PASSWORD_LENGTH)
      found.newPassword = t('reset.tooShort', { min: MIN_PASSWORD_LENGTH, count: [...next].length });
    else if (repeat !== next) found.repeat = repeat ? t('reset.mismatch') : t('reset.repeatRequired');
    show(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const answer = await accountApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setRepeat('');
      setNotice(answer.message);
    } catch (error) {
      const fromServer: Problems = {};
      if (error instanceof ApiError) {
        for (const detail of error.details) {
          if (detail.field === 'currentPassword' || detail.field === 'newPassword')
            fromServer[detail.field] = detail.message;
        }
      }
      if (Object.keys(fromServer).length > 0) show(fromServer);
      else setProblems([{ message: errorText(error, t) }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="account-section" aria-labelledby="account-password-title">
      <h2 id="account-password-title">{t('account.password')}</h2>
      <ErrorSummary title={t('errors.formTitle')} items={problems} />
      <form className="login-form" onSubmit={submit} noValidate>
        <Field
          id={IDS.currentPassword}
          label={t('account.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={current}
          error={errors.currentPassword}
          onChange={(event) => setCurrent(event.target.value)}
        />
        <Field
          id={IDS.newPassword}
          label={t('account.newPassword')}
          hint={t('reset.passwordRule', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={next}
          error={errors.newPassword}
          onChange={(event) => setNext(event.target.value)}
        />
        <Field
          id={IDS.repeat}
          label={t('reset.repeat')}
          type="password"
          autoComplete="new-password"
          value={repeat}
          error={errors.repeat}
          onChange={(event) => setRepeat(event.target.value)}
        />
        <div className="account-actions">
          <Button type="submit" busy={saving} busyLabel={t('account.changingPassword')}>
            {t('account.changePassword')}
          </Button>
          <p role="status" aria-live="polite">
            {notice}
          </p>
        </div>
      </form>
    </section>
  );
}
