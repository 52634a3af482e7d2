// Accepting an invitation as a new person: the name colleagues will see (as the administrator
// wrote it, to correct) and a password only they know, checked here first (length, the same
// twice), then by the server. The answer is a session: they land in the back office.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary, Field, type SummaryItem } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import type { StaffSession } from '../../session/index.ts';
import { MIN_PASSWORD_LENGTH } from '../login/SetPasswordForm.tsx';
import { invitationApi } from './api.ts';

const NAME_ID = 'invitation-name';
const PASSWORD_ID = 'invitation-password';
const REPEAT_ID = 'invitation-repeat';

type Problems = { name?: string; password?: string; repeat?: string };

export function NewAccountForm({
  token,
  initialName,
  onCreated,
  onDead,
}: {
  token: string;
  initialName: string;
  onCreated(session: StaffSession): void;
  /** The invitation cannot be used (any more): the server's words. */
  onDead(message: string): void;
}) {
  const t = useT();
  const [name, setName] = useState(initialName);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [show, setShow] = useState(false);
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<Problems>({});
  const [problems, setProblems] = useState<SummaryItem[]>([]);

  const check = (): Problems => {
    const found: Problems = {};
    if (!name.trim()) found.name = t('invitation.nameRequired');
    if (!password) found.password = t('reset.passwordRequired');
    else if ([...password].length < MIN_PASSWORD_LENGTH)
      found.password = t('reset.tooShort', { min: MIN_PASSWORD_LENGTH, count: [...password].length });
    else if (!repeat) found.repeat = t('reset.repeatRequired');
    else if (repeat !== password) found.repeat = t('reset.mismatch');
    return found;
  };

  const summary = (found: Problems): SummaryItem[] => {
    const items: SummaryItem[] = [];
    if (found.name) items.push({ message: found.name, fieldId: NAME_ID });
    if (found.password) items.push({ message: found.password, fieldId: PASSWORD_ID });
    if (found.repeat) items.push({ message: found.repeat, fieldId: REPEAT_ID });
    return items;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setProblems(summary(found));
    if (Object.keys(found).length > 0) return;
    setSending(true);
    try {
      onCreated(await invitationApi.acceptNew(token, name.trim(), password));
    } catch (error) {
      setSending(false);
      if (
        error instanceof ApiError &&
        (error.status === 404 || error.status === 410 || error.status === 409)
      ) {
        onDead(error.message);
      } else if (error instanceof ApiError && error.details.length > 0) {
        const fromServer: Problems = {};
        for (const detail of error.details) {
          if (detail.field === 'name' || detail.field === 'password')
            fromServer[detail.field] = detail.message;
        }
        setErrors(fromServer);
        setProblems(summary(fromServer).length > 0 ? summary(fromServer) : [{ message: error.message }]);
      } else {
        setProblems([{ message: errorText(error, t) }]);
      }
    }
  };

  const type = show ? 'text' : 'password';
  return (
    <section aria-labelledby="invitation-create-title">
      <h2 id="invitation-create-title">{t('invitation.createTitle')}</h2>
      <p>{t('invitation.createIntro')}</p>
      <ErrorSummary title={t('errors.formTitle')} items={problems} />
      <form className="login-form" onSubmit={submit} noValidate>
        <Field
          id={NAME_ID}
          label={t('invitation.name')}
          name="name"
          autoComplete="name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={errors.name}
        />
        <Field
          id={PASSWORD_ID}
          label={t('reset.password')}
          hint={t('reset.passwordRule', { min: MIN_PASSWORD_LENGTH })}
          type={type}
          name="new-password"
          autoComplete="new-password"
          spellCheck={false}
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
            id="invitation-show"
            checked={show}
            onChange={(event) => setShow(event.target.checked)}
          />
          <label htmlFor="invitation-show">{t('reset.show')}</label>
        </div>
        <Button type="submit" busy={sending} busyLabel={t('invitation.creating')}>
          {t('invitation.create')}
        </Button>
      </form>
    </section>
  );
}
