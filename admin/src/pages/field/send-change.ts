// Sending one queued change (each with its own Idempotency-Key), and a change in words for the
// list of pending changes and the confirmations. The order, retries and conflicts are sync.tsx's.
import type { useT } from '../../i18n/index.ts';
import type { QueuedChange } from '../../offline/field-store.ts';
import { fieldApi, type TaskDetail } from './field-api.ts';

/** Sends one queued change; the task as the server now has it, when the answer carries it. */
export async function send(
  change: QueuedChange,
  moved: Map<string, { from: string; to: string }>,
): Promise<TaskDetail | null> {
  const k = change.kommunenummer;
  const id = change.reportId ?? '';
  if (change.kind === 'status' && change.status) {
    // Our own change just before this one moved the version on: that is no conflict.
    const step = moved.get(id);
    const version = step && step.from === change.status.version ? step.to : change.status.version;
    let detail = (
      await fieldApi.status(k, id, { status: change.status.status, version }, change.idempotencyKey)
    ).body;
    if (change.status.note && change.status.noteKey) {
      detail = (await fieldApi.note(k, id, change.status.note, change.status.noteKey)).body;
    }
    return detail;
  }
  if (change.kind === 'note' && change.note) {
    return (await fieldApi.note(k, id, change.note.message, change.idempotencyKey)).body;
  }
  if (change.kind === 'photo' && change.photo) {
    return (await fieldApi.photo(k, id, change.photo.blob, change.photo.name, change.idempotencyKey)).body;
  }
  if (change.kind === 'report' && change.report) {
    const { categoryName: _name, photos = [], ...body } = change.report;
    await fieldApi.report(k, body, photos, change.idempotencyKey);
    return null;
  }
  return null;
}

type Translate = ReturnType<typeof useT>;

/** A queued change in words, for the list of pending changes and the confirmations. */
export function describe(
  t: Translate,
  change: Pick<QueuedChange, 'kind' | 'reportRef' | 'status' | 'report'>,
): string {
  const ref = change.reportRef ?? '';
  switch (change.kind) {
    case 'status':
      return t('field.change.status', {
        ref,
        status: change.status ? t(`status.${change.status.status}` as Parameters<Translate>[0]) : '',
      });
    case 'note':
      return t('field.change.note', { ref });
    case 'photo':
      return t('field.change.photo', { ref });
    case 'report':
      return t('field.change.report', { category: change.report?.categoryName ?? '' });
  }
}
