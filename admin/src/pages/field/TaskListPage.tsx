// My tasks / my team's tasks, in the server's order (priority, then distance from the device when
// its position is known). Each task is one large card linking to its page; a task with changes
// still waiting to be sent says so.
import { Link, useParams, useSearchParams } from 'react-router';
import { type ReportStatus, StatusBadge } from '../../components/index.ts';
import { formatDateTime, useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import type { FieldTask, TaskScope } from './field-api.ts';
import { useSync } from './sync.tsx';
import { useTasks } from './use-field-data.ts';
import { usePosition } from './use-position.ts';

export function distanceText(t: ReturnType<typeof useT>, metres: number | null): string | null {
  if (metres === null) return null;
  if (metres < 1000) return t('field.distance.m', { count: Math.round(metres / 10) * 10 });
  return t('field.distance.km', {
    count: (metres / 1000).toLocaleString(t.language === 'en' ? 'en-GB' : 'nb-NO', {
      maximumFractionDigits: 1,
    }),
  });
}

export default function TaskListPage() {
  const t = useT();
  const k = useParams().kommunenummer ?? '';
  const [params, setParams] = useSearchParams();
  const scope: TaskScope = params.get('scope') === 'team' ? 'team' : 'mine';
  const { position } = usePosition();
  const { changes } = useSync();
  // Read again whenever the queue moves on (a change sent, a conflict found).
  const tasks = useTasks(k, scope, position, changes.map((c) => `${c.seq}:${c.state}`).join(' '));
  const waitingOn = new Set(changes.map((c) => c.reportId).filter(Boolean));

  const tab = (value: TaskScope) => (
    <Link
      to={value === 'team' ? '?scope=team' : '.'}
      replace
      className={`field-tab${scope === value ? ' is-current' : ''}`}
      aria-current={scope === value ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        setParams(value === 'team' ? { scope: 'team' } : {}, { replace: true });
      }}
    >
      {t(value === 'team' ? 'field.tab.team' : 'field.tab.mine')}
    </Link>
  );

  return (
    <>
      <PageHeading title={t(scope === 'team' ? 'field.tab.team' : 'field.tab.mine')} />
      <nav className="field-tabs" aria-label={t('field.tabs')}>
        {tab('mine')}
        {tab('team')}
      </nav>
      <p className="field-hint">{position ? t('field.position.known') : t('field.position.none')}</p>
      {tasks.offlineSince ? (
        <p className="field-notice">
          {t('field.offlineCopy', { time: formatDateTime(t.language, tasks.offlineSince) })}
        </p>
      ) : tasks.status === 'ready' ? (
        <p className="field-hint" data-offline-ready={tasks.offlineReady !== null}>
          {tasks.offlineReady === null
            ? t('field.preparing')
            : t.plural('field.offlineReady', tasks.offlineReady)}
        </p>
      ) : null}
      {tasks.status === 'loading' ? <p>{t('app.loading')}</p> : null}
      {tasks.status === 'failed' ? <p className="field-notice">{t('field.loadFailed')}</p> : null}
      {tasks.data && tasks.data.length === 0 ? <p>{t('field.noTasks')}</p> : null}
      {tasks.data && tasks.data.length > 0 ? (
        <ul className="field-cards">
          {tasks.data.map((task) => (
            <li key={task.id}>
              <TaskCard task={task} waiting={waitingOn.has(task.id)} />
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

function TaskCard({ task, waiting }: { task: FieldTask; waiting: boolean }) {
  const t = useT();
  const distance = distanceText(t, task.distanceMetres);
  return (
    <Link className={`field-card priority-${task.priority}`} to={`oppgaver/${task.id}`} data-task={task.id}>
      <span className="field-card-title">{task.title || task.category.name}</span>
      <span className="field-card-line">
        {task.category.name} · {task.reference}
      </span>
      <span className="field-card-line">{task.address ?? t('field.task.noAddress')}</span>
      <span className="field-card-meta">
        <StatusBadge status={task.status as ReportStatus} />
        <span className="field-priority">
          {t('field.priority', { priority: t(`case.priority.${task.priority}`) })}
        </span>
        {distance ? <span>{distance}</span> : null}
      </span>
      {waiting ? <span className="field-card-waiting">{t('field.pendingOnTask')}</span> : null}
    </Link>
  );
}
