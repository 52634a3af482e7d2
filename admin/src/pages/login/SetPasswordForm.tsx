// A new password from the emailed link: the rule shown before typing, checked here first (length,
// the same twice), then by the server. A used or expired link gets the server's words and a way
// to ask for a new one. Passwords are never kept anywhere but in this form's state.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, client, ok } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary, Field, type SummaryItem } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';

/** As the server's MIN_PASSWORD_LENGTH (src/modules/accounts/passwords.ts); the server checks too. */
export const MIN_PASSWORD_LENGTH = 12;
const PASSWORD_ID = 'reset-password';
const REPEAT_ID = 'reset-repeat';
const TOKEN_INVALID = 'reset_token_invalid';

type Outcome = { kind: 'done' | 'invalid'; message: string };

export function SetPasswordForm({ token }: { token: string }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [show, setShow] = useState(false);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const check = () => {
    const found: { password?: string; repeat?: string } = {};
    if (!password) found.password = t('reset.passwordRequired');
    else if ([...password].length < MIN_PASSWORD_LENGTH)
      found.password = t('reset.tooShort', { min: MIN_PASSWORD_LENGTH, count: [...password].length });
    if (!found.password) {
      if (!repeat) found.repeat = t('reset.repeatRequired');
      else if (repeat !== password) found.repeat = t('reset.mismatch');
    }
    return found;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    const items: SummaryItem[] = [];
    if (found.password) items.push({ message: found.password, fieldId: PASSWORD_ID });
    if (found.repeat) items.push({ message: found.repeat, fieldId: REPEAT_ID });
    setProblems(items);
    if (items.length > 0) return;
    setSending(true);
    try {
      const reply = await ok(
        client.POST('/api/v1/staff/password-reset/confirm', { body: { token, password } }),
      );
      setOutcome({ kind: 'done', message: reply.message });
    } catch (error) {
      if (error instanceof ApiError && error.code === TOKEN_INVALID) {
        setOutcome({ kind: 'invalid', message: error.message });
      } else if (error instanceof ApiError && error.details.some((d) => d.field === 'password')) {
        const message = error.details.find((d) => d.field === 'password')?.message ?? error.message;
        setErrors({ password: message });
        setProblems([{ message, fieldId: PASSWORD_ID }]);
      } else {
        setProblems([{ message: errorText(error, t) }]);
      }
    } finally {
      setSending(false);
    }
  };

  if (outcome) {
    const done = outcome.kind === 'done';
    return (
      <>
        <PageHeading title={t(done ? 'reset.doneTitle' : 'reset.invalidTitle')} focusOnNavigate={false} />
        <div className={done ? 'reset-answer' : 'reset-answer reset-answer-problem'}>
          <p role={done ? 'status' : 'alert'} tabIndex={-1} ref={outcomeRef}>
            {outcome.message}
          </p>
          <p>
            {done ? (
              <Link to="/login">{t('reset.logIn')}</Link>
            ) : (
              <Link to="/reset-password">{t('reset.askAgain')}</Link>
            )}
          </p>
        </div>
      </>
    );
  }

  const type = show ? 'text' : 'password';
  return (
    <>
      <PageHeading title={t('reset.setTitle')} />
      <p>{t('reset.setIntro')}</p>
      <ErrorSummary title={t('errors.formTitle')} items={problems} />
      <form className="login-form" onSubmit={submit} noValidate>
        <Field
          id={PASSWORD_ID}
          label={t('reset.password')}
          hint={t('reset.passwordRule', { min: MIN_PASSWORD_LENGTH })}
          type={type}
          name="new-password"
          autoComplete="new-password"
          spellCheck={false}
          minLength={MIN_PASSWORD_LENGTH}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={errors.password}
        />
        <Field
          id={REPEAT_ID}
          label={t('reset.repeat')}
          type={type}
          name="repeat-password"
          autoComplete="new-password"
          spellCheck={false}
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          error={errors.repeat}
        />
        <div className="reset-show">
          <input
            type="checkbox"
            id="reset-show"
            checked={show}
            onChange={(event) => setShow(event.target.checked)}
          />
          <label htmlFor="reset-show">{t('reset.show')}</label>
        </div>
        <Button type="submit" busy={sending} busyLabel={t('reset.saving')}>
          {t('reset.save')}
        </Button>
      </form>
    </>
  );
}
