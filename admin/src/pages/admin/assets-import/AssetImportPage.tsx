// Administrasjon › Importer anlegg: choose a GeoJSON or CSV file (and, when the file does not say,
// its coordinate system and the asset type), upload it, and watch the run: a progress bar from the
// upload and then from the server's bytes read (polled), then the counts and the rejected lines
// with why. Below, the recent runs.
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import { Button, ErrorSummary } from '../../../components/index.ts';
import { formatDateTime, useLanguage, useT } from '../../../i18n/index.ts';
import { PageHeading } from '../../../layout/index.ts';
import { useKommunenummer } from '../shared/api.ts';
import { summaryItems } from '../shared/forms.ts';
import {
  type AssetImportRun,
  type AssetImportSummary,
  assetImportApi,
  uploadAssetFile,
} from './asset-import-api.ts';

/** The systems Norwegian registers use, most common first (the server knows a few more). */
const EPSG_CHOICES = [
  ['25832', 'EUREF89 UTM 32 (EPSG:25832)'],
  ['25833', 'EUREF89 UTM 33 (EPSG:25833)'],
  ['25835', 'EUREF89 UTM 35 (EPSG:25835)'],
  ['4258', 'EUREF89 (EPSG:4258)'],
  ['4326', 'WGS84 (EPSG:4326)'],
] as const;
const POLL_MS = 400;

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; sent: number }
  | { kind: 'following'; run: AssetImportRun | null };

function percentOf(run: AssetImportRun | null): number {
  if (!run?.bytesTotal) return 0;
  return Math.min(100, Math.round((100 * run.bytesRead) / run.bytesTotal));
}

export default function AssetImportPage() {
  const t = useT();
  const { language } = useLanguage();
  const k = useKommunenummer();
  const file = useRef<HTMLInputElement>(null);
  const [epsg, setEpsg] = useState('');
  const [type, setType] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [recent, setRecent] = useState<AssetImportSummary[]>([]);
  const polling = useRef<AbortController | null>(null);

  const loadRecent = useCallback(() => {
    return assetImportApi.list(k).then((answer) => {
      setRecent(answer.imports);
      return answer.imports;
    });
  }, [k]);

  const follow = useCallback(
    (id: string) => {
      const controller = new AbortController();
      polling.current = controller;
      const poll = () => {
        assetImportApi.get(k, id, controller.signal).then(
          (run) => {
            if (controller.signal.aborted) return;
            setPhase({ kind: 'following', run });
            if (run.state === 'running') setTimeout(poll, POLL_MS);
            else loadRecent().catch(setError);
          },
          (problem: unknown) => {
            if (!controller.signal.aborted) setError(problem);
          },
        );
      };
      poll();
    },
    [k, loadRecent],
  );

  // A run still going when the page opens (started before a reload, or by someone else) is followed.
  useEffect(() => {
    let live = true;
    loadRecent().then((imports) => {
      const running = imports.find((r) => r.state === 'running');
      if (live && running) {
        setPhase({ kind: 'following', run: null });
        follow(running.id);
      }
    }, setError);
    return () => {
      live = false;
      polling.current?.abort();
    };
  }, [loadRecent, follow]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = file.current?.files?.[0];
    if (
      !chosen ||
      phase.kind === 'uploading' ||
      (phase.kind === 'following' && phase.run?.state === 'running')
    )
      return;
    polling.current?.abort();
    setError(null);
    setPhase({ kind: 'uploading', sent: 0 });
    try {
      const id = await uploadAssetFile(k, chosen, { epsg, type: type.trim() }, (sent) =>
        setPhase({ kind: 'uploading', sent }),
      );
      setPhase({ kind: 'following', run: null });
      follow(id);
    } catch (problem) {
      setError(problem);
      setPhase({ kind: 'idle' });
    }
  };

  const run = phase.kind === 'following' ? phase.run : null;
  const busy =
    phase.kind === 'uploading' ||
    (phase.kind === 'following' && run?.state !== 'done' && run?.state !== 'failed');
  const percent = phase.kind === 'uploading' ? Math.round(phase.sent * 100) : percentOf(run);
  const status =
    phase.kind === 'uploading'
      ? t('assetImport.uploading', { percent })
      : run?.state === 'done'
        ? t('assetImport.done', {
            created: run.created,
            updated: run.updated,
            unchanged: run.unchanged,
            rejected: run.rejected,
          })
        : run?.state === 'failed'
          ? t('assetImport.failed', { error: run.error ?? '' })
          : phase.kind === 'following'
            ? t('assetImport.running', { percent })
            : '';

  return (
    <>
      <PageHeading title={t('admin.assetImport')} />
      <p>{t('assetImport.intro')}</p>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'asset-import')} />
      <form onSubmit={start} className="notice-form">
        <div className="field">
          <label htmlFor="asset-import-file">{t('assetImport.file')}</label>
          <input
            id="asset-import-file"
            ref={file}
            type="file"
            accept=".geojson,.json,.csv,.txt,application/geo+json,application/json,text/csv"
            required
          />
        </div>
        <div className="field">
          <label htmlFor="asset-import-epsg">{t('assetImport.epsg')}</label>
          <select
            id="asset-import-epsg"
            value={epsg}
            onChange={(e) => setEpsg(e.target.value)}
            aria-describedby="asset-import-epsg-hint"
          >
            <option value="">{t('assetImport.epsg.file')}</option>
            {EPSG_CHOICES.map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          <p id="asset-import-epsg-hint" className="field-hint">
            {t('assetImport.epsgHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="asset-import-type">{t('assetImport.type')}</label>
          <input
            id="asset-import-type"
            value={type}
            onChange={(e) => setType(e.target.value)}
            pattern="[a-z0-9-]{1,40}"
            maxLength={40}
            aria-describedby="asset-import-type-hint"
          />
          <p id="asset-import-type-hint" className="field-hint">
            {t('assetImport.typeHint')}
          </p>
        </div>
        <Button type="submit" busy={busy}>
          {t('assetImport.start')}
        </Button>
      </form>
      {phase.kind === 'idle' ? null : (
        <div className="subscriber-import-progress">
          <label htmlFor="asset-import-progress">{t('assetImport.progress')}</label>{' '}
          <progress id="asset-import-progress" max={100} value={percent}>
            {percent} %
          </progress>{' '}
          <span aria-hidden="true">{percent} %</span>
        </div>
      )}
      <p role="status" aria-live="polite" className="notice-done">
        {status}
      </p>
      {run && run.state !== 'running' ? <RunResult run={run} /> : null}
      {recent.length > 0 ? (
        <div className="table-scroll">
          <table className="admin-table">
            <caption>{t('assetImport.recent')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('assetImport.when')}</th>
                <th scope="col">{t('assetImport.fileName')}</th>
                <th scope="col">{t('assetImport.by')}</th>
                <th scope="col">{t('assetImport.state')}</th>
                <th scope="col">{t('assetImport.created')}</th>
                <th scope="col">{t('assetImport.updated')}</th>
                <th scope="col">{t('assetImport.unchanged')}</th>
                <th scope="col">{t('assetImport.rejected')}</th>
              </tr>
            </thead>
            <tbody>
              {recent.map((r) => (
                <tr key={r.id}>
                  <td>{formatDateTime(language, r.startedAt)}</td>
                  <td>{r.fileName}</td>
                  <td>{r.startedBy ?? t('assetImport.cli')}</td>
                  <td>{t(`assetImport.state.${r.state}`)}</td>
                  <td>{r.created}</td>
                  <td>{r.updated}</td>
                  <td>{r.unchanged}</td>
                  <td>{r.rejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function RunResult({ run }: { run: AssetImportRun }) {
  const t = useT();
  return (
    <>
      <dl className="notice-facts asset-import-result">
        <dt>{t('assetImport.created')}</dt>
        <dd>{run.created}</dd>
        <dt>{t('assetImport.updated')}</dt>
        <dd>{run.updated}</dd>
        <dt>{t('assetImport.unchanged')}</dt>
        <dd>{run.unchanged}</dd>
        <dt>{t('assetImport.rejected')}</dt>
        <dd>{run.rejected}</dd>
      </dl>
      {run.rejections.length > 0 ? (
        <div className="table-scroll">
          <table className="admin-table">
            <caption>{t('assetImport.rejectedTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <abbr title={t('assetImport.lineHint')}>{t('assetImport.line')}</abbr>
                </th>
                <th scope="col">{t('assetImport.externalId')}</th>
                <th scope="col">{t('assetImport.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {run.rejections.map((r) => (
                <tr key={`${r.line}-${r.externalId ?? ''}`}>
                  <td>{r.line}</td>
                  <td>{r.externalId ?? ''}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {run.rejected > run.rejections.length ? (
            <p>{t('assetImport.rejectedMore', { shown: run.rejections.length, total: run.rejected })}</p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
