// The message as the relay would send it for a made-up report, refreshed 400 ms after the last
// keystroke (POST /admin/message-templates/preview): subject, the text version, the HTML version
// in a sandboxed frame (no scripts, no same origin, no navigation), the SMS length, and whatever
// would stop the text from being saved.
import { useEffect, useState } from 'react';
import { errorText } from '../../../api/error-text.ts';
import { useT } from '../../../i18n/index.ts';
import { messagesApi, type Preview, SMS_LIMIT, type TemplateEntry } from './messages-api.ts';

const DEBOUNCE_MS = 400;

export function MessagePreview({
  kommunenummer,
  entry,
  subject,
  body,
}: {
  kommunenummer: string;
  entry: TemplateEntry;
  subject: string;
  body: string;
}) {
  const t = useT();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(true);
  const { kind, channel, language } = entry;

  useEffect(() => {
    const controller = new AbortController();
    setPending(true);
    const timer = setTimeout(() => {
      messagesApi
        .preview(
          kommunenummer,
          { kind, channel, language, subject: channel === 'email' ? subject : null, body },
          controller.signal,
        )
        .then(
          (answer) => {
            setPreview(answer);
            setProblem(null);
            setPending(false);
          },
          (error: unknown) => {
            if (controller.signal.aborted) return;
            setProblem(errorText(error, t));
            setPending(false);
          },
        );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [kommunenummer, kind, channel, language, subject, body, t]);

  return (
    <section className="message-preview" aria-labelledby="message-preview-title" aria-busy={pending}>
      <h2 id="message-preview-title">{t('admin.messages.preview')}</h2>
      <p className="muted">{t('admin.messages.previewIntro')}</p>
      <p className="preview-status" role="status" aria-live="polite">
        {pending ? t('admin.messages.previewing') : problem ? problem : ''}
      </p>
      {preview && preview.problems.length > 0 ? (
        <div className="preview-problems" role="alert">
          <h3>{t('admin.messages.problems')}</h3>
          <ul>
            {preview.problems.map((p) => (
              <li key={`${p.field}:${p.code}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {preview ? (
        <>
          {preview.smsLength !== null ? (
            <p className={preview.smsLength > SMS_LIMIT ? 'sms-length sms-length-over' : 'sms-length'}>
              {t('admin.messages.smsLength', { length: preview.smsLength, limit: SMS_LIMIT })}
            </p>
          ) : null}
          {preview.subject ? (
            <p>
              <strong>{t('admin.messages.previewSubject')}:</strong>{' '}
              <span lang={language}>{preview.subject}</span>
            </p>
          ) : null}
          <h3>{t('admin.messages.previewText')}</h3>
          <pre className="preview-body" lang={language} data-testid="preview-text">
            {preview.bodyText}
          </pre>
          {preview.bodyHtml ? (
            <>
              <h3>{t('admin.messages.previewHtml')}</h3>
              <p className="field-hint">{t('admin.messages.previewHtmlNote')}</p>
              <iframe
                className="preview-html"
                title={t('admin.messages.previewHtmlTitle')}
                sandbox=""
                srcDoc={preview.bodyHtml}
              />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
