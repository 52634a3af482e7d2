// The case's full history, oldest first: what happened, who did it and when, whether the resident
// sees it (public) or not (internal), and for changes what it was before and after.
import { REPORT_STATUSES, type ReportStatus } from '../../../components/index.ts';
import { type TextKey, type Translator, useT } from '../../../i18n/index.ts';
import type { Directory } from '../directory.ts';
import { useInboxContext } from '../inbox-context.ts';
import type { HistoryEntry } from '../types.ts';
import { InternalTag, PublicTag } from './MessageForms.tsx';

const KINDS = [
  'received',
  'status_changed',
  'public_reply',
  'internal_note',
  'assigned',
  'priority_changed',
  'merged',
  'merged_into',
  'forwarded',
  'category_changed',
  'location_changed',
  'case_handling_flagged',
  'fix_confirmed',
  'reopened',
  'reopen_comment',
  'photo_added',
] as const;

const FIELDS: Record<string, TextKey> = {
  status: 'case.field.status',
  teamId: 'case.field.team',
  assigneeId: 'case.field.assignee',
  priority: 'case.field.priority',
  dueAt: 'case.field.due',
  categoryId: 'case.field.category',
  lat: 'case.field.lat',
  lon: 'case.field.lon',
  address: 'case.field.address',
  needsCaseHandling: 'case.field.caseHandling',
  forwardedTo: 'case.field.forwardedTo',
  forwardedToEmail: 'case.field.forwardedToEmail',
  mergedIntoRef: 'case.field.mergedInto',
  duplicateRef: 'case.field.duplicate',
};

function show(field: string, value: unknown, t: Translator, directory: Directory): string {
  if (value === null || value === undefined || value === '') return t('case.history.none');
  if (typeof value === 'boolean') return value ? t('case.yes') : t('case.no');
  const text = String(value);
  if (field === 'status' && (REPORT_STATUSES as readonly string[]).includes(text))
    return t(`status.${text as ReportStatus}`);
  if (field === 'priority' && ['lav', 'normal', 'hoy'].includes(text))
    return t(`case.priority.${text as 'lav' | 'normal' | 'hoy'}`);
  if (field === 'dueAt') return t.dateTime(text);
  const list =
    field === 'teamId' ? directory.teams : field === 'assigneeId' ? directory.people : directory.categories;
  return list.find((x) => x.id === text)?.name ?? text;
}

function Changes({ entry }: { entry: HistoryEntry }) {
  const t = useT();
  const { directory } = useInboxContext();
  if (!entry.details) return null;
  const before = entry.details.before ?? {};
  const after = entry.details.after ?? {};
  const fields = Object.keys(FIELDS).filter(
    (f) => (f in before || f in after) && JSON.stringify(before[f]) !== JSON.stringify(after[f]),
  );
  if (fields.length === 0) return null;
  return (
    <ul className="history-changes">
      {fields.map((f) => (
        <li key={f}>
          {t(FIELDS[f] as TextKey)}:{' '}
          {f in before ? (
            <>
              <del>{show(f, before[f], t, directory)}</del>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('case.history.to')} </span>
            </>
          ) : null}
          <ins>{show(f, after[f], t, directory)}</ins>
        </li>
      ))}
    </ul>
  );
}

export function History({ entries }: { entries: HistoryEntry[] }) {
  const t = useT();
  return (
    <ol className="history">
      {entries.map((entry) => {
        const kind = (KINDS as readonly string[]).includes(entry.kind)
          ? t(`case.history.kind.${entry.kind as (typeof KINDS)[number]}`)
          : entry.kind;
        const actor =
          'name' in entry.actor
            ? entry.actor.name
            : entry.actor.kind === 'reporter'
              ? t('case.history.reporter')
              : t('case.history.system');
        return (
          <li
            key={entry.id}
            className={entry.public ? 'history-entry is-public' : 'history-entry is-internal'}
          >
            <p className="history-head">
              <strong>{kind}</strong> {entry.public ? <PublicTag /> : <InternalTag />}
            </p>
            <p className="history-meta">
              {actor} · <time dateTime={entry.createdAt}>{t.dateTime(entry.createdAt)}</time>
            </p>
            {entry.message ? <p className="history-message">{entry.message}</p> : null}
            <Changes entry={entry} />
          </li>
        );
      })}
    </ol>
  );
}
