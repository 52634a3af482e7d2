// The wording of one message: subject (email) and text, the placeholders it may use (each can be
// inserted at the cursor), save, and back to the built-in text (an empty body). The draft is kept
// in sessionStorage until saved, so a failed save or a reload loses nothing.
import { type FormEvent, useRef, useState } from 'react';
import { Button, ErrorSummary } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { errorsByField, fieldId, summaryItems, useDraft } from '../shared/forms.ts';
import { MessagePreview } from './MessagePreview.tsx';
import { messagesApi, placeholderMeaning, type TemplateEntry } from './messages-api.ts';

interface Draft {
  subject: string;
  body: string;
}

const FORM = 'message';

function inUse(entry: TemplateEntry): Draft {
  const text = entry.override ?? entry.default;
  return { subject: text.subject ?? entry.default.subject ?? '', body: text.body };
}

export function MessageEditor({
  kommunenummer,
  entry,
  onChange,
}: {
  kommunenummer: string;
  entry: TemplateEntry;
  onChange(entry: TemplateEntry): void;
}) {
  const t = useT();
  const email = entry.channel === 'email';
  const [draft, setDraft, clearDraft] = useDraft<Draft>(
    `message-template.${kommunenummer}.${entry.kind}.${entry.channel}.${entry.language}`,
    () => inUse(entry),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'save' | 'reset' | null>(null);
  const [notice, setNotice] = useState('');
  const body = useRef<HTMLTextAreaElement>(null);
  const errors = errorsByField(error);

  const send = async (
    text: { subject: string | null; body: string },
    done: string,
    kind: 'save' | 'reset',
  ) => {
    setBusy(kind);
    setError(null);
    setNotice('');
    try {
      const saved = await messagesApi.save(kommunenummer, entry, text);
      clearDraft();
      setDraft(inUse(saved));
      clearDraft();
      onChange(saved);
      setNotice(done);
    } catch (problem) {
      setError(problem);
      setNotice(t('admin.messages.notSaved'));
    } finally {
      setBusy(null);
    }
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send({ subject: email ? draft.subject : null, body: draft.body }, t('admin.messages.saved'), 'save');
  };

  const insert = (name: string) => {
    const area = body.current;
    const token = `{${name}}`;
    const start = area?.selectionStart ?? draft.body.length;
    const end = area?.selectionEnd ?? start;
    setDraft({ ...draft, body: draft.body.slice(0, start) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const subjectId = fieldId(FORM, 'subject');
  const bodyId = fieldId(FORM, 'body');
  return (
    <div className="message-editor">
      <form className="admin-form message-form" onSubmit={save} noValidate>
        <p className="muted">
          {entry.override
            ? t('admin.messages.usingOwn', { date: t.dateTime(entry.override.updatedAt) })
            : t('admin.messages.usingDefault')}
        </p>
        <ErrorSummary title={t('admin.messages.notSaved')} items={summaryItems(error, t, FORM)} />
        {email ? (
          <div className={errors.subject ? 'field field-invalid' : 'field'}>
            <label htmlFor={subjectId}>{t('admin.messages.subject')}</label>
            <p className="field-hint" id={`${subjectId}-hint`}>
              {t('admin.messages.subjectHint')}
            </p>
            {errors.subject ? (
              <p className="field-error" id={`${subjectId}-error`}>
                {errors.subject}
              </p>
            ) : null}
            <input
              id={subjectId}
              lang={entry.language}
              value={draft.subject}
              maxLength={200}
              aria-invalid={errors.subject ? true : undefined}
              aria-describedby={`${subjectId}-hint${errors.subject ? ` ${subjectId}-error` : ''}`}
              onChange={(e) => setDraft({ ...draft, subject: e.target.value })}
            />
          </div>
        ) : null}
        <div className={errors.body ? 'field field-invalid' : 'field'}>
          <label htmlFor={bodyId}>{t('admin.messages.body')}</label>
          <p className="field-hint" id={`${bodyId}-hint`}>
            {t('admin.messages.bodyHint')}
          </p>
          {errors.body ? (
            <p className="field-error" id={`${bodyId}-error`}>
              {errors.body}
            </p>
          ) : null}
          <textarea
            ref={body}
            id={bodyId}
            lang={entry.language}
            rows={email ? 10 : 5}
            maxLength={5000}
            value={draft.body}
            aria-invalid={errors.body ? true : undefined}
            aria-describedby={`${bodyId}-hint${errors.body ? ` ${bodyId}-error` : ''}`}
            onChange={(e) => setDraft({ ...draft, body: e.target.value })}
          />
        </div>
        <fieldset className="placeholders">
          <legend>{t('admin.messages.placeholders')}</legend>
          <p className="field-hint">{t('admin.messages.placeholdersHint')}</p>
          <ul>
            {entry.placeholders.map((name) => (
              <li key={name}>
                <Button variant="secondary" className="placeholder-insert" onClick={() => insert(name)}>
                  <span className="visually-hidden">{t('admin.messages.insert')} </span>
                  <code>{`{${name}}`}</code>
                </Button>{' '}
                <span className="muted">{placeholderMeaning(t, name)}</span>
              </li>
            ))}
          </ul>
        </fieldset>
        <details className="default-text">
          <summary>{t('admin.messages.defaultText')}</summary>
          {entry.default.subject ? <p className="preview-text">{entry.default.subject}</p> : null}
          <p className="preview-text">{entry.default.body}</p>
          <Button variant="secondary" onClick={() => setDraft(inUse({ ...entry, override: null }))}>
            {t('admin.messages.copyDefault')}
          </Button>
        </details>
        <div className="form-actions">
          <Button
            type="submit"
            busy={busy === 'save'}
            disabled={busy !== null}
            busyLabel={t('admin.messages.saving')}
          >
            {t('admin.messages.save')}
          </Button>
          {entry.override ? (
            <Button
              variant="secondary"
              busy={busy === 'reset'}
              disabled={busy !== null}
              busyLabel={t('admin.messages.resetting')}
              onClick={() => void send({ subject: null, body: '' }, t('admin.messages.resetDone'), 'reset')}
            >
              {t('admin.messages.reset')}
            </Button>
          ) : null}
        </div>
        <p className="saved-notice" role="status" aria-live="polite">
          {notice}
        </p>
      </form>
      <MessagePreview kommunenummer={kommunenummer} entry={entry} subject={draft.subject} body={draft.body} />
    </div>
  );
}
