// Importer CSV (admins): choose the file, watch it upload (a progress bar from the upload's own
// progress events) and then be processed, and read the result: how many lines were added, already
// there or rejected, and each rejected line with its number and why.
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, ErrorSummary } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import { type ImportResult, uploadSubscriberCsv } from './subscribers-api.ts';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number }
  | { kind: 'processing' }
  | { kind: 'done' };

export default function ImportSubscribersPage() {
  const t = useT();
  const { kommunenummer } = useMembership();
  const file = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (!chosen || busy) return;
    setError(null);
    setResult(null);
    setPhase({ kind: 'uploading', sent: 0 });
    try {
      const answer = await uploadSubscriberCsv(kommunenummer, chosen, ({ sent }) =>
        setPhase(sent >= 1 ? { kind: 'processing' } : { kind: 'uploading', sent }),
      );
      setResult(answer);
      setPhase({ kind: 'done' });
    } catch (problem) {
      setError(problem);
      setPhase({ kind: 'idle' });
    }
  };

  const percent = phase.kind === 'uploading' ? Math.round(phase.sent * 100) : phase.kind === 'idle' ? 0 : 100;
  return (
    <>
      <p>
        <Link to=".." relative="path">
          {t('subscribers.view.back')}
        </Link>
      </p>
      <PageHeading title={t('subscribers.import.title')} />
      <p>{t('subscribers.import.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'subscriber-import')} />
      <form onSubmit={start} className="notice-form">
        <div className="field">
          <label htmlFor="subscriber-import-file">{t('subscribers.import.file')}</label>
          <input
            id="subscriber-import-file"
            ref={file}
            type="file"
            accept=".csv,text/csv,text/plain"
            required
          />
        </div>
        <Button type="submit" busy={busy}>
          {t('subscribers.import.start')}
        </Button>
      </form>
      {phase.kind === 'idle' ? null : (
        <div className="subscriber-import-progress">
          <label htmlFor="subscriber-import-progress">{t('subscribers.import.progress')}</label>{' '}
          <progress
            id="subscriber-import-progress"
            max={100}
            value={phase.kind === 'processing' ? undefined : percent}
          >
            {percent} %
          </progress>
        </div>
      )}
      <p role="status" aria-live="polite" className="notice-done">
        {phase.kind === 'uploading'
          ? `${t('subscribers.import.uploading')} ${percent} %`
          : phase.kind === 'processing'
            ? t('subscribers.import.processing')
            : phase.kind === 'done'
              ? t('subscribers.import.done')
              : ''}
      </p>
      {result ? (
        <>
          <dl className="notice-facts subscriber-import-result">
            <dt>{t('subscribers.import.lines')}</dt>
            <dd>{result.lines}</dd>
            <dt>{t('subscribers.import.accepted')}</dt>
            <dd>{result.accepted}</dd>
            <dt>{t('subscribers.import.alreadyThere')}</dt>
            <dd>{result.alreadyThere}</dd>
            <dt>{t('subscribers.import.rejected')}</dt>
            <dd>{result.rejected}</dd>
          </dl>
          {result.rejectedLines.length > 0 ? (
            <div className="table-scroll">
              <table className="admin-table">
                <caption>{t('subscribers.import.rejectedTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('subscribers.import.line')}</th>
                    <th scope="col">{t('subscribers.import.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rejectedLines.map((line) => (
                    <tr key={line.line}>
                      <td>{line.line}</td>
                      <td>{line.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
