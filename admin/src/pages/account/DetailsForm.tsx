// My name and language. Only in a session that covers all my municipalities (a session opened
// through one municipality's login speaks for that one only); otherwise shown, not changeable.
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Button, ErrorSummary, Field, type SummaryItem } from '../../components/index.ts';
import { LANGUAGES, type Language, useT } from '../../i18n/index.ts';
import { accountApi, type OwnAccount } from './api.ts';

export function DetailsForm({
  account,
  onSaved,
}: {
  account: OwnAccount;
  onSaved(account: OwnAccount): void;
}) {
  const t = useT();
  const [name, setName] = useState(account.name);
  const [language, setLanguage] = useState<Language>(account.language);
  const [nameError, setNameError] = useState<string | undefined>();
  const [problems, setProblems] = useState<SummaryItem[]>([]);
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState('');
  const locked = !account.canChangeAccount;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice('');
    if (!name.trim()) {
      setNameError(t('account.nameRequired'));
      setProblems([{ message: t('account.nameRequired'), fieldId: 'account-name' }]);
      return;
    }
    setNameError(undefined);
    setProblems([]);
    setSaving(true);
    try {
      onSaved(await accountApi.update({ name: name.trim(), language }));
      setNotice(t('account.saved'));
    } catch (error) {
      const detail = error instanceof ApiError ? error.details.find((d) => d.field === 'name') : undefined;
      if (detail) setNameError(detail.message);
      setProblems([
        { message: detail?.message ?? errorText(error, t), ...(detail ? { fieldId: 'account-name' } : {}) },
      ]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="account-section" aria-labelledby="account-details-title">
      <h2 id="account-details-title">{t('account.details')}</h2>
      {locked ? <p className="notice">{t('account.scoped')}</p> : null}
      <ErrorSummary title={t('errors.formTitle')} items={problems} />
      <form className="login-form" onSubmit={submit} noValidate>
        <Field
          id="account-name"
          label={t('account.name')}
          autoComplete="name"
          value={name}
          readOnly={locked}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="field">
          <label htmlFor="account-language">{t('account.language')}</label>
          <select
            id="account-language"
            value={language}
            disabled={locked}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`language.${code}`)}
              </option>
            ))}
          </select>
        </div>
        {locked ? null : (
          <div className="account-actions">
            <Button type="submit" busy={saving} busyLabel={t('account.saving')}>
              {t('account.save')}
            </Button>
            <p role="status" aria-live="polite">
              {notice}
            </p>
          </div>
        )}
      </form>
    </section>
  );
}
