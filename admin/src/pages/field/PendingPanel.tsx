// The list behind the "n changes waiting" indicator: each queued change in order, its state, and
// for a conflict both sides with the crew's two choices (keep theirs / apply mine again).
import { useEffect, useRef } from 'react';
import { formatDateTime, useT } from '../../i18n/index.ts';
import type { QueuedChange } from '../../offline/field-store.ts';
import { describe, useSync } from './sync.tsx';

export function PendingPanel({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { changes, online, syncNow } = useSync();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section id={id} className="field-pending" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('field.pending.title')}
      </h2>
      <p>{t('field.pending.intro')}</p>
      {changes.length === 0 ? (
        <p>{t('field.pending.empty')}</p>
      ) : (
        <ol className="field-pending-list">
          {changes.map((change) => (
            <PendingItem key={change.seq} change={change} />
          ))}
        </ol>
      )}
      <div className="field-actions">
        {online && changes.length > 0 ? (
          <button type="button" className="field-button" onClick={syncNow}>
            {t('field.pending.sendNow')}
          </button>
        ) : null}
        <button type="button" className="field-button secondary" onClick={onClose}>
          {t('field.pending.close')}
        </button>
      </div>
    </section>
  );
}

export function ConflictChoice({ change }: { change: QueuedChange }) {
  const t = useT();
  const { keepTheirs, applyMineAgain } = useSync();
  const seq = change.seq ?? 0;
  const theirs = change.theirs;
  return (
    <div className="field-conflict" data-conflict={change.reportId}>
      <p className="field-conflict-title">{t('field.conflict.title')}</p>
      {theirs ? (
        <p>
          {t('field.conflict.theirs', {
            status: t(`status.${theirs.status}` as Parameters<typeof t>[0]),
            time: formatDateTime(t.language, theirs.updatedAt),
            by: theirs.by ? t('field.conflict.by', { name: theirs.by }) : '',
          })}
        </p>
      ) : change.problem ? (
        <p>{change.problem}</p>
      ) : null}
      {change.status ? (
        <p>
          {t('field.conflict.mine', {
            status: t(`status.${change.status.status}` as Parameters<typeof t>[0]),
          })}
        </p>
      ) : null}
      <div className="field-actions">
        <button type="button" className="field-button secondary" onClick={() => void keepTheirs(seq)}>
          {t('field.conflict.keepTheirs')}
        </button>
        {theirs ? (
          <button type="button" className="field-button" onClick={() => void applyMineAgain(seq)}>
            {t('field.conflict.applyMine')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function PendingItem({ change }: { change: QueuedChange }) {
  const t = useT();
  const { discard } = useSync();
  return (
    <li className={`field-pending-item state-${change.state}`} data-state={change.state}>
      <p className="field-pending-what">{describe(t, change)}</p>
      <p>
        {t(`field.pending.state.${change.state}`)} · {formatDateTime(t.language, change.createdAt)}
      </p>
      {change.state === 'conflict' ? <ConflictChoice change={change} /> : null}
      {change.state === 'failed' ? (
        <>
          {change.problem ? <p>{change.problem}</p> : null}
          <button
            type="button"
            className="field-button secondary"
            onClick={() => void discard(change.seq ?? 0)}
          >
            {t('field.pending.discard')}
          </button>
        </>
      ) : null}
    </li>
  );
}
