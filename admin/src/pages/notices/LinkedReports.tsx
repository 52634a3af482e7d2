// The reports linked to a notice (explained by it), on the notice page; once the notice has ended,
// a case worker closes the open ones together with one public reply, after a confirmation. The
// result is announced in a role=status line; the list is read again after.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, ErrorSummary, StatusBadge } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { fieldId, summaryItems } from '../admin/shared/forms.ts';
import { TextArea } from '../admin/shared/inputs.tsx';
import { type LinkedReports as Linked, linkedReportsApi, type Notice } from './notices-api.ts';

const FORM = 'close-linked';
const EMPTY_REPLY = { nb: '', nn: '', en: '' };
const LANGUAGES = ['nb', 'nn', 'en'] as const;

export function LinkedReports({
  notice,
  kommunenummer,
  mayClose,
}: {
  notice: Notice;
  kommunenummer: string;
  mayClose: boolean;
}) {
  const t = useT();
  const [linked, setLinked] = useState<Linked | null>(null);
  // Bokmål is required; nynorsk and English are optional (a reporter in a language left blank
  // gets the bokmål text, see close-linked-reports.ts).
  const [reply, setReply] = useState<{ nb: string; nn: string; en: string }>(EMPTY_REPLY);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState('');

  const load = useCallback(
    (signal?: AbortSignal) =>
      linkedReportsApi.list(kommunenummer, notice.id, signal).then(setLinked, (problem: unknown) => {
        if (!signal?.aborted) setError(problem);
      }),
    [kommunenummer, notice.id],
  );
  // Read again when the notice changes (ended): the close form appears.
  // biome-ignore lint/correctness/useExhaustiveDependencies: notice.status is the reason to reload
  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, notice.status]);

  async function close(event?: FormEvent) {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const done = await linkedReportsApi.close(kommunenummer, notice.id, { reply });
      setResult(t('linked.done', done));
      setReply(EMPTY_REPLY);
      await load();
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <section className="linked-reports" aria-labelledby="linked-reports-title">
      <h2 id="linked-reports-title">{t('linked.title')}</h2>
      <p role="status" aria-live="polite" className="notice-done" data-testid="linked-result">
        {result}
      </p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, FORM)} />
      {linked === null ? null : linked.total === 0 ? (
        <p>{t('linked.none')}</p>
      ) : (
        <>
          <p>{t('linked.summary', { total: linked.total, open: linked.open })}</p>
          <div className="table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('linked.col.ref')}</th>
                  <th scope="col">{t('linked.col.category')}</th>
                  <th scope="col">{t('linked.col.place')}</th>
                  <th scope="col">{t('linked.col.status')}</th>
                  <th scope="col">{t('linked.col.linked')}</th>
                </tr>
              </thead>
              <tbody>
                {linked.reports.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/m/${kommunenummer}/reports/${r.id}`}>{r.ref}</Link>
                    </td>
                    <td>{r.category}</td>
                    <td>{r.address ?? ''}</td>
                    <td>
                      <StatusBadge status={r.status} />
                    </td>
                    <td>
                      {t.dateTime(r.linkedAt, { dateStyle: 'short', timeStyle: 'short' })}
                      {r.automatic ? ` (${t('linked.auto')})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {linked && linked.open > 0 && notice.status !== 'ended' ? <p>{t('linked.afterEnd')}</p> : null}
      {linked && linked.open > 0 && notice.status === 'ended' && mayClose ? (
        <form
          className="notice-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setConfirming(true);
          }}
        >
          {LANGUAGES.map((language) => (
            <TextArea
              key={language}
              id={fieldId(FORM, `reply.${language}`)}
              label={t(`linked.reply.${language}`)}
              hint={language === 'nb' ? t('linked.closeHint') : t('linked.replyOptional')}
              value={reply[language]}
              maxLength={4000}
              onChange={(event) => {
                const text = event.target.value;
                setReply((current) => ({ ...current, [language]: text }));
              }}
            />
          ))}
          {confirming ? (
            <div className="notice-confirm" role="alertdialog" aria-labelledby="linked-confirm">
              <p id="linked-confirm">{t('linked.confirm', { open: linked.open })}</p>
              <div className="notice-actions">
                <Button
                  variant="danger"
                  busy={busy}
                  busyLabel={t('linked.working')}
                  onClick={() => void close()}
                >
                  {t('linked.confirmYes')}
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  {t('linked.cancel')}
                </Button>
              </div>
            </div>
          ) : (
            <Button type="submit">{t('linked.close')}</Button>
          )}
        </form>
      ) : null}
    </section>
  );
}
