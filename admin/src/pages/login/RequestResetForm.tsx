// "Forgot password": the email address, then the server's own neutral answer ("if the address
// belongs to an account…"), which says nothing about whether it does.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary, Field, type SummaryItem } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';

const EMAIL_ID = 'reset-email';
export const RESET_REQUEST_PATH = '/api/v1/staff/password-reset' as const;

export function RequestResetForm({ initialEmail }: { initialEmail: string }) {
  const t = useT();
  const [email, setEmail] = useState(initialEmail);
  const [sending, setSending] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [answer, setAnswer] = useState<string | null>(null);
  const answerRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (answer) answerRef.current?.focus();
  }, [answer]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!email.trim()) {
      const message = t('reset.emailRequired');
      setFieldError(message);
      setProblems([{ message, fieldId: EMAIL_ID }]);
      return;
    }
    setFieldError(undefined);
    setProblems([]);
    setSending(true);
    try {
      const reply = await ok(client.POST(RESET_REQUEST_PATH, { body: { email: email.trim() } }));
      setAnswer(reply.message);
    } catch (error) {
      setProblems([{ message: errorText(error, t) }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <PageHeading title={t('reset.requestTitle')} />
      {answer ? (
        <section className="reset-answer" aria-labelledby="reset-answer-title">
          <h2 id="reset-answer-title" tabIndex={-1} ref={answerRef}>
            {t('reset.sentTitle')}
          </h2>
          <p role="status">{answer}</p>
          <p>{t('reset.sentHint')}</p>
          <div className="reset-actions">
            <Link to="/login">{t('reset.backToLogin')}</Link>
            <Button variant="link" onClick={() => setAnswer(null)}>
              {t('reset.askAgain')}
            </Button>
          </div>
        </section>
      ) : (
        <>
          <p>{t('reset.requestIntro')}</p>
          <ErrorSummary
            title={fieldError ? t('errors.formTitle') : t('errors.summaryTitle')}
            items={problems}
          />
          <form className="login-form" onSubmit={submit} noValidate>
            <Field
              id={EMAIL_ID}
              label={t('reset.email')}
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              spellCheck={false}
              value={email}
              onChange={(event) => setEmail(event.target.value)}
              error={fieldError}
            />
            <Button type="submit" busy={sending} busyLabel={t('reset.sending')}>
              {t('reset.send')}
            </Button>
          </form>
          <p>
            <Link to="/login">{t('reset.backToLogin')}</Link>
          </p>
        </>
      )}
    </>
  );
}
