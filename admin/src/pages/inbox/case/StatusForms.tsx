// Status (with an optional public reply sent with it), priority and due time, assignment. The
// case view mounts them per report (key), so what is chosen survives a reload after a 409.
import { useId, useState } from 'react';
import { REPORT_STATUSES } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { withCurrent } from '../directory.ts';
import { caseApi } from '../inbox-api.ts';
import { CASE_CONTROLS, useInboxContext } from '../inbox-context.ts';
import { type Named, PRIORITIES, type Priority } from '../types.ts';
import { ActionBox } from './ActionBox.tsx';
import type { ActionProps } from './action-props.ts';
import { useDraft } from './drafts.ts';
import { MessageField, PublicTag, TemplatePicker } from './MessageForms.tsx';
import { useAction } from './useAction.ts';

export function StatusForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const state = useAction(onChanged);
  const [status, setStatus] = useState(c.status);
  const [reply, setReply, clear] = useDraft(c.id, 'status-reply');
  const canReply = c.allowed['case.reply_public'] === true;
  const submit = () => {
    const body = {
      status,
      version: c.version,
      ...(canReply && reply.trim() ? { reply: reply.trim() } : {}),
    };
    void state
      .run(() => caseApi.act(k, c.id, 'status', body), t('case.status.saved'))
      .then((ok) => ok && clear());
  };
  return (
    <ActionBox
      title={t('case.status.title')}
      state={state}
      submitLabel={t('case.status.save')}
      fieldId={CASE_CONTROLS.status}
      onSubmit={submit}
      onReload={onReload}
    >
      <div className="field">
        <label htmlFor={CASE_CONTROLS.status}>{t('case.status.new')}</label>
        <select
          id={CASE_CONTROLS.status}
          value={status}
          onChange={(e) => setStatus(e.target.value as typeof status)}
        >
          {REPORT_STATUSES.filter((s) => s !== 'duplikat' || c.status === 'duplikat').map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {/* A reply with the change is a public reply: only for those who may write to the resident. */}
      {canReply ? (
        <>
          <TemplatePicker k={k} id={c.id} status={status} onInsert={setReply} />
          <MessageField
            id="case-status-reply"
            label={`${t('case.status.reply')} (${t('case.optional')})`}
            value={reply}
            onChange={setReply}
            missing={false}
          />
          <p className="field-hint">
            <PublicTag /> {t('case.status.replyHint')}
          </p>
        </>
      ) : null}
    </ActionBox>
  );
}

/** An ISO time as the value of <input type="datetime-local"> (local time of the browser). */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function PriorityForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const id = useId();
  const state = useAction(onChanged);
  const [priority, setPriority] = useState<Priority>(c.priority);
  const [due, setDue] = useState(toLocalInput(c.dueAt));
  const submit = () => {
    const dueAt = due ? new Date(due).toISOString() : null;
    void state.run(
      () => caseApi.act(k, c.id, 'priority', { priority, dueAt, version: c.version }),
      t('case.priority.saved'),
    );
  };
  return (
    <ActionBox
      title={t('case.priority.title')}
      folded
      state={state}
      submitLabel={t('case.priority.save')}
      onSubmit={submit}
      onReload={onReload}
    >
      <div className="field">
        <label htmlFor={`${id}-priority`}>{t('case.priority.label')}</label>
        <select
          id={`${id}-priority`}
          value={priority}
          onChange={(e) => setPriority(e.target.value as Priority)}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`case.priority.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('case.priority.due')}</label>
        <input id={`${id}-due`} type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
    </ActionBox>
  );
}

export function AssignForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const id = useId();
  const { directory } = useInboxContext();
  const state = useAction(onChanged);
  const [team, setTeam] = useState(c.team?.id ?? '');
  const [person, setPerson] = useState(c.assignee?.id ?? '');
  const teams = withCurrent(directory.teams, c.team);
  const people = withCurrent(directory.people, c.assignee);
  // With a team chosen, its members come first.
  const members = new Set(directory.people.filter((p) => team && p.teamIds.includes(team)).map((p) => p.id));
  const submit = () => {
    void state.run(
      () =>
        caseApi.act(k, c.id, 'assignment', {
          teamId: team || null,
          assigneeId: person || null,
          version: c.version,
        }),
      t('case.assign.saved'),
    );
  };
  const options = (list: readonly Named[]) =>
    list.map((x) => (
      <option key={x.id} value={x.id}>
        {x.name}
      </option>
    ));
  return (
    <ActionBox
      title={t('case.assign.title')}
      state={state}
      submitLabel={t('case.assign.save')}
      fieldId={CASE_CONTROLS.assign}
      onSubmit={submit}
      onReload={onReload}
    >
      <div className="case-assign-fields">
        <div className="field">
          <label htmlFor={CASE_CONTROLS.assign}>{t('inbox.team')}</label>
          <select id={CASE_CONTROLS.assign} value={team} onChange={(e) => setTeam(e.target.value)}>
            <option value="">{t('inbox.noTeam')}</option>
            {options(teams)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-person`}>{t('case.assign.person')}</label>
          <select id={`${id}-person`} value={person} onChange={(e) => setPerson(e.target.value)}>
            <option value="">{t('inbox.nobody')}</option>
            {members.size > 0 ? (
              <>
                <optgroup label={t('case.assign.inTeam')}>
                  {options(people.filter((p) => members.has(p.id)))}
                </optgroup>
                <optgroup label={t('case.assign.others')}>
                  {options(people.filter((p) => !members.has(p.id)))}
                </optgroup>
              </>
            ) : (
              options(people)
            )}
          </select>
        </div>
      </div>
      <DirectoryProblem />
    </ActionBox>
  );
}

/** Said where the lists of teams, people and categories are used, if they could not be loaded. */
export function DirectoryProblem() {
  const t = useT();
  const { directory } = useInboxContext();
  return directory.status === 'failed' ? <p className="field-error">{t('inbox.directoryFailed')}</p> : null;
}
