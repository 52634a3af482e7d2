// One notice: what it says now, its area, every version, and the actions the staff member's role
// allows (Publish, Update, End; for a boil-water advice "Opphev kokevarsel"). Each finished action
// is confirmed in a role=status line that does not take the focus, so the person stays where
// they pressed.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { Button, ErrorSummary, Loading } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import { useDirectory } from '../inbox/directory.ts';
import { AreaMap } from './AreaMap.tsx';
import { DeliveryPanel } from './DeliveryPanel.tsx';
import { LinkedReports } from './LinkedReports.tsx';
import { NoticeTextFields, type NoticeTexts } from './NoticeTextFields.tsx';
import { noticeRights, period, statusName, typeName } from './notice-words.ts';
import { type Notice, noticesApi } from './notices-api.ts';
import './notices.css';

const FORM = 'notice-update';
type Done = 'created' | 'published' | 'updated' | 'ended' | 'lifted';

function doneText(t: ReturnType<typeof useT>, done: Done, version: number): string {
  if (done === 'updated') return t('notices.done.updated', { version });
  return t(`notices.done.${done}`);
}

function textsOf(text: Notice['title']): NoticeTexts {
  return { nb: text.nb, nn: text.nn ?? '', en: text.en ?? '' };
}

/** Bokmål always; nynorsk and English only when written (the public pages fall back to bokmål). */
function localized(texts: NoticeTexts): { nb: string; nn?: string; en?: string } {
  const out: { nb: string; nn?: string; en?: string } = { nb: texts.nb };
  if (texts.nn.trim()) out.nn = texts.nn;
  if (texts.en.trim()) out.en = texts.en;
  return out;
}

function UpdateForm({ notice, onSaved }: { notice: Notice; onSaved: (next: Notice) => void }) {
  const t = useT();
  const { kommunenummer } = useMembership();
  const [titles, setTitles] = useState<NoticeTexts>(() => textsOf(notice.title));
  const [bodies, setBodies] = useState<NoticeTexts>(() => textsOf(notice.body));
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(
        await noticesApi.update(kommunenummer, notice.id, {
          title: localized(titles),
          body: localized(bodies),
        }),
      );
    } catch (problem) {
      setError(problem);
    } finally {
      setSaving(false);
    }
  }
  return (
    <form className="notice-form" onSubmit={(event) => void save(event)} noValidate>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, FORM)} />
      <NoticeTextFields
        form={FORM}
        titles={titles}
        bodies={bodies}
        onTitles={setTitles}
        onBodies={setBodies}
      />
      <Button type="submit" busy={saving} busyLabel={t('notices.view.working')}>
        {t('notices.view.update')}
      </Button>
    </form>
  );
}

export default function NoticeView() {
  const t = useT();
  const membership = useMembership();
  const { kommunenummer } = membership;
  const rights = noticeRights(membership);
  const { id = '' } = useParams();
  const location = useLocation();
  const directory = useDirectory();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<Done | null>((location.state as { done?: Done } | null)?.done ?? null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmingEnd, setConfirmingEnd] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    noticesApi.get(kommunenummer, id, controller.signal).then(setNotice, (problem: unknown) => {
      if (!controller.signal.aborted) setError(problem);
    });
    return () => controller.abort();
  }, [kommunenummer, id]);

  const act = useCallback(
    async (action: () => Promise<Notice>, outcome: Done) => {
      if (busy) return;
      setBusy(true);
      setError(null);
      setDone(null);
      try {
        // The answer has no versions; read the notice again for its history.
        await action();
        setNotice(await noticesApi.get(kommunenummer, id));
        setDone(outcome);
      } catch (problem) {
        setError(problem);
      } finally {
        setBusy(false);
        setConfirmingEnd(false);
      }
    },
    [busy, kommunenummer, id],
  );

  if (!notice) {
    return error ? (
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, FORM)} />
    ) : (
      <Loading />
    );
  }
  const boil = notice.type === 'boil_water';
  const title = notice.title[t.language] ?? notice.title.nb;
  const body = notice.body[t.language] ?? notice.body.nb;
  return (
    <>
      <p>
        <Link to=".." relative="path">
          {t('notices.view.back')}
        </Link>
      </p>
      <PageHeading title={title} />
      <p className="notice-done" role="status" aria-live="polite">
        {done ? doneText(t, done, notice.version) : ''}
      </p>
      {editing ? null : (
        <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, FORM)} />
      )}
      <dl className="notice-facts">
        <dt>{t('notices.col.type')}</dt>
        <dd>{typeName(t, notice.type)}</dd>
        <dt>{t('notices.col.status')}</dt>
        <dd data-testid="notice-status">{statusName(t, notice)}</dd>
        <dt>{t('notices.col.period')}</dt>
        <dd>{period(t, notice)}</dd>
      </dl>
      <p className="notice-body">{body}</p>
      {rights.publish ? null : <p className="field-hint">{t('notices.view.noRight')}</p>}
      <div className="notice-actions">
        {notice.status === 'draft' ? (
          <Button
            disabled={!rights.publish}
            busy={busy}
            busyLabel={t('notices.view.working')}
            onClick={() => void act(() => noticesApi.publish(kommunenummer, notice.id), 'published')}
          >
            {t('notices.view.publish')}
          </Button>
        ) : null}
        {notice.status !== 'ended' ? (
          <Button
            variant="secondary"
            disabled={!rights.publish}
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t('notices.view.update')}
          </Button>
        ) : null}
        {notice.status === 'published' ? (
          <Button variant="danger" disabled={!rights.publish} onClick={() => setConfirmingEnd(true)}>
            {boil ? t('notices.view.lift') : t('notices.view.end')}
          </Button>
        ) : null}
      </div>
      {confirmingEnd ? (
        <div className="notice-confirm">
          <p>{boil ? t('notices.view.confirmLift') : t('notices.view.confirmEnd')}</p>
          <div className="notice-actions">
            <Button
              variant="danger"
              busy={busy}
              busyLabel={t('notices.view.working')}
              onClick={() =>
                void act(() => noticesApi.end(kommunenummer, notice.id), boil ? 'lifted' : 'ended')
              }
            >
              {boil ? t('notices.view.lift') : t('notices.view.end')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirmingEnd(false)}>
              {t('notices.form.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {editing ? (
        <UpdateForm
          notice={notice}
          onSaved={(next) => {
            setEditing(false);
            void act(async () => next, 'updated');
          }}
        />
      ) : null}
      {notice.status === 'draft' ? null : <DeliveryPanel noticeId={notice.id} version={notice.version} />}
      <AreaMap polygons={notice.areas.coordinates} tiles={directory.map} label={t('notices.form.map')} />
      <LinkedReports notice={notice} kommunenummer={kommunenummer} mayClose={rights.publish} />
      <h2>{t('notices.view.versions')}</h2>
      <ol className="notice-versions">
        {(notice.versions ?? []).map((version) => (
          <li key={version.version}>
            <strong>{t('notices.view.version', { version: version.version })}</strong>:{' '}
            {statusName(t, { status: version.status, type: notice.type })} ·{' '}
            {version.title[t.language] ?? version.title.nb} · {t('notices.view.changedAt')}{' '}
            {t.dateTime(version.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
          </li>
        ))}
      </ol>
    </>
  );
}
