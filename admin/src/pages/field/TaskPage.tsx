// One task as a crew needs it: category, status, priority, address with one-tap directions
// (a geo: link the phone's map app opens), description, asset, photos, history; and the two
// actions: change the status (with a note and photos from the camera) and add a note or photo.
// Both go through the queue (sync.tsx), so they work the same with and without a network.
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { REPORT_STATUSES, type ReportStatus, StatusBadge } from '../../components/index.ts';
import { formatDateTime, useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import type { TaskDetail } from './field-api.ts';
import { ConflictChoice } from './PendingPanel.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { useSync } from './sync.tsx';
import { useKeptThumbnails, useTask } from './use-field-data.ts';

/** `geo:` opens the phone's map app at the place, with the label as the pin's name. */
export function geoLink(lat: number, lon: number, label: string): string {
  const ll = `${lat.toFixed(6)},${lon.toFixed(6)}`;
  return `geo:${ll}?q=${ll}(${encodeURIComponent(label)})`;
}

export default function TaskPage() {
  const t = useT();
  const { kommunenummer = '', id = '' } = useParams();
  const { changes } = useSync();
  const mine = useMemo(() => changes.filter((c) => c.reportId === id), [changes, id]);
  // The same blobs from one render to the next, so their object URLs are made once.
  const localPhotos = useMemo(() => mine.flatMap((c) => (c.photo ? [c.photo.blob] : [])), [mine]);
  // Read again whenever the queue moves on (a change sent, a conflict found).
  const revision = `${mine.map((c) => `${c.seq}:${c.state}`).join(' ')}/${changes.length}`;
  const task = useTask(kommunenummer, id, revision);

  if (task.status === 'loading') return <p>{t('app.loading')}</p>;
  if (!task.data) {
    return (
      <>
        <PageHeading title={t('field.task.notFound')} />
        <Link className="field-button secondary" to="..">
          {t('field.task.back')}
        </Link>
      </>
    );
  }
  const detail = task.data;
  const queuedStatus = mine.findLast((c) => c.kind === 'status' && c.state === 'pending')?.status?.status;
  const conflicts = mine.filter((c) => c.state === 'conflict');
  return (
    <article className="field-task" data-task={detail.id}>
      <Link className="field-back" to={`/m/${kommunenummer}/felt`}>
        {t('field.task.back')}
      </Link>
      <PageHeading title={`${detail.category.name} · ${detail.ref}`} />
      {task.offlineSince ? (
        <p className="field-notice">
          {t('field.offlineCopy', { time: formatDateTime(t.language, task.offlineSince) })}
        </p>
      ) : null}
      <dl className="field-facts">
        <dt>{t('field.task.status')}</dt>
        <dd>
          <StatusBadge status={detail.status} />
          {queuedStatus ? (
            <span className="field-card-waiting">
              {' → '}
              {t(`status.${queuedStatus}` as Parameters<typeof t>[0])} ({t('field.pendingOnTask')})
            </span>
          ) : null}
        </dd>
        <dt>{t('field.task.priority')}</dt>
        <dd>{t(`case.priority.${detail.priority}`)}</dd>
        <dt>{t('field.task.category')}</dt>
        <dd>{detail.category.name}</dd>
        <dt>{t('field.task.address')}</dt>
        <dd>{detail.address ?? t('field.task.noAddress')}</dd>
        {detail.asset || detail.assetRef ? (
          <>
            <dt>{t('field.task.asset')}</dt>
            <dd>{detail.asset ? `${detail.asset.name} (${detail.asset.externalId})` : detail.assetRef}</dd>
          </>
        ) : null}
      </dl>
      {detail.lat !== null && detail.lon !== null ? (
        <a className="field-button" href={geoLink(detail.lat, detail.lon, detail.address ?? detail.ref)}>
          {t('field.task.directions')}
        </a>
      ) : null}
      <h2>{t('field.task.description')}</h2>
      <p className="field-description">{detail.description}</p>
      <Photos detail={detail} local={localPhotos} />
      {/* Beside the form the change was made with: where the crew is when the answer comes. */}
      {conflicts.map((c) => (
        <ConflictChoice key={c.seq} change={c} />
      ))}
      <StatusForm detail={detail} />
      <NoteForm detail={detail} />
      <h2>{t('field.task.history')}</h2>
      <ol className="field-history">
        {detail.history
          .slice()
          .reverse()
          .map((h) => (
            <li key={h.id}>
              <span className="field-history-when">{formatDateTime(t.language, h.createdAt)}</span>{' '}
              {t(`case.history.kind.${h.kind}` as Parameters<typeof t>[0])}
              {h.status ? ` – ${t(`status.${h.status}` as Parameters<typeof t>[0])}` : ''}
              {'name' in h.actor ? ` (${h.actor.name})` : ''}
              {h.message ? <span className="field-history-message">{h.message}</span> : null}
            </li>
          ))}
      </ol>
      <Link className="field-link" to={`/m/${kommunenummer}/reports/${detail.id}`}>
        {t('field.task.openCase')}
      </Link>
    </article>
  );
}

function Photos({ detail, local }: { detail: TaskDetail; local: Blob[] }) {
  const t = useT();
  const urls = useMemo(() => local.map((b) => URL.createObjectURL(b)), [local]);
  // The device's copy of each thumbnail (kept while online), so photos show without a network.
  const kept = useKeptThumbnails(detail.photos.map((p) => p.thumbnailUrl));
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );
  if (detail.photos.length === 0 && urls.length === 0) return null;
  return (
    <>
      <h2>{t('field.task.photos')}</h2>
      <ul className="field-photos">
        {detail.photos.map((p, i) => (
          <li key={p.url}>
            <a href={p.url}>
              <img
                src={kept.get(p.thumbnailUrl) ?? p.thumbnailUrl}
                alt={t('field.task.photo', { n: i + 1 })}
                width={160}
              />
            </a>
          </li>
        ))}
        {urls.map((u, i) => (
          <li key={u}>
            <img src={u} alt={t('field.task.localPhoto', { n: i + 1 })} width={160} data-local-photo />
          </li>
        ))}
      </ul>
    </>
  );
}

function StatusForm({ detail }: { detail: TaskDetail }) {
  const t = useT();
  const { add } = useSync();
  const { kommunenummer = '' } = useParams();
  const [status, setStatus] = useState<ReportStatus | ''>('');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState('');
  const [resetKey, setResetKey] = useState(0);
  if (!detail.allowed['case.change_status']) return null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!status || status === detail.status) {
      setError(t('field.status.same'));
      return;
    }
    setError('');
    const common = { kommunenummer, reportId: detail.id, reportRef: detail.ref, baseVersion: detail.version };
    await add({
      ...common,
      kind: 'status',
      status: {
        status,
        version: detail.version,
        ...(note.trim() ? { note: note.trim(), noteKey: crypto.randomUUID() } : {}),
      },
    });
    for (const photo of photos)
      await add({ ...common, kind: 'photo', photo: { blob: photo, name: photo.name } });
    setStatus('');
    setNote('');
    setPhotos([]);
    setResetKey((n) => n + 1);
  };

  return (
    <form
      className="field-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="field-status-title"
      noValidate
    >
      <h2 id="field-status-title">{t('field.status.title')}</h2>
      <fieldset className="field-choices">
        <legend>{t('field.status.choose')}</legend>
        {REPORT_STATUSES.filter((s) => s !== 'duplikat' && s !== 'videresendt').map((s) => (
          <label key={s} className={`field-choice${s === detail.status ? ' is-current' : ''}`}>
            <input
              type="radio"
              name="field-status"
              value={s}
              checked={status === s}
              onChange={() => setStatus(s)}
              aria-describedby={error ? 'field-status-error' : undefined}
            />
            <span>{t(`status.${s}`)}</span>
          </label>
        ))}
      </fieldset>
      {error ? (
        <p id="field-status-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <label htmlFor="field-status-note">{t('field.status.note')}</label>
      <textarea
        id="field-status-note"
        rows={3}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <PhotoInput id="field-status-photo" key={resetKey} photos={photos} onChange={setPhotos} />
      <button type="submit" className="field-button">
        {t('field.status.submit')}
      </button>
    </form>
  );
}

function NoteForm({ detail }: { detail: TaskDetail }) {
  const t = useT();
  const { add } = useSync();
  const { kommunenummer = '' } = useParams();
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  const [error, setError] = useState('');
  const [resetKey, setResetKey] = useState(0);
  if (!detail.allowed['case.note_internal']) return null;

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!note.trim() && photos.length === 0) {
      setError(t('field.note.empty'));
      return;
    }
    setError('');
    const common = { kommunenummer, reportId: detail.id, reportRef: detail.ref, baseVersion: detail.version };
    if (note.trim()) await add({ ...common, kind: 'note', note: { message: note.trim() } });
    for (const photo of photos)
      await add({ ...common, kind: 'photo', photo: { blob: photo, name: photo.name } });
    setNote('');
    setPhotos([]);
    setResetKey((n) => n + 1);
  };

  return (
    <form
      className="field-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="field-note-title"
      noValidate
    >
      <h2 id="field-note-title">{t('field.note.title')}</h2>
      <label htmlFor="field-note">{t('field.note.message')}</label>
      <textarea
        id="field-note"
        rows={3}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-describedby={error ? 'field-note-error' : undefined}
      />
      {error ? (
        <p id="field-note-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <PhotoInput id="field-note-photo" key={resetKey} photos={photos} onChange={setPhotos} />
      <button type="submit" className="field-button">
        {t('field.note.submit')}
      </button>
    </form>
  );
}
