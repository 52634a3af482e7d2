// Shown while rows are chosen (x, or their checkboxes): assign, change status or reply to all of
// them at once. What failed is listed per report, with the server's reason.
import { type FormEvent, useId, useState } from 'react';
import { errorText } from '../../../api/error-text.ts';
import { Button, REPORT_STATUSES, type ReportStatus } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { Directory } from '../directory.ts';
import { type BulkAction, inboxApi } from '../inbox-api.ts';
import type { BulkResult, InboxItem } from '../types.ts';

interface Props {
  k: string;
  ids: string[];
  items: InboxItem[];
  directory: Directory;
  onDone(): void;
  onClear(): void;
}

type Kind = 'assign' | 'status' | 'reply';

export function BulkBar({ k, ids, items, directory, onDone, onClear }: Props) {
  const t = useT();
  const id = useId();
  const [kind, setKind] = useState<Kind>('assign');
  const [team, setTeam] = useState('');
  const [person, setPerson] = useState('');
  const [status, setStatus] = useState<ReportStatus>('under_behandling');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const refOf = (reportId: string) => items.find((i) => i.id === reportId)?.ref ?? reportId;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === 'reply' && !message.trim()) {
      setProblem(t('case.reply.required'));
      return;
    }
    const action: BulkAction =
      kind === 'assign'
        ? { type: 'assign', teamId: team || null, assigneeId: person || null }
        : kind === 'status'
          ? { type: 'status', status }
          : { type: 'reply', message: message.trim() };
    setBusy(true);
    setProblem(null);
    inboxApi
      .bulk(k, ids, action)
      .then((r) => {
        setResult(r);
        if (r.failed.length === 0) setMessage('');
        onDone();
      })
      .catch((e: unknown) => setProblem(errorText(e, t)))
      .finally(() => setBusy(false));
  };

  return (
    <section className="bulk-bar" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="bulk-title">
        {t.plural('inbox.bulk.chosen', ids.length)}
      </h2>
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('inbox.bulk.action')}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="assign">{t('inbox.bulk.assign')}</option>
            <option value="status">{t('inbox.bulk.status')}</option>
            <option value="reply">{t('inbox.bulk.reply')}</option>
          </select>
        </div>
        {kind === 'assign' ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-team`}>{t('inbox.team')}</label>
              <select id={`${id}-team`} value={team} onChange={(e) => setTeam(e.target.value)}>
                <option value="">{t('inbox.noTeam')}</option>
                {directory.teams.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-person`}>{t('inbox.assignee')}</label>
              <select id={`${id}-person`} value={person} onChange={(e) => setPerson(e.target.value)}>
                <option value="">{t('inbox.nobody')}</option>
                {directory.people.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        ) : null}
        {kind === 'status' ? (
          <div className="field">
            <label htmlFor={`${id}-status`}>{t('inbox.status')}</label>
            <select
              id={`${id}-status`}
              value={status}
              onChange={(e) => setStatus(e.target.value as ReportStatus)}
            >
              {REPORT_STATUSES.filter((s) => s !== 'duplikat').map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {kind === 'reply' ? (
          <div className={problem ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-message`}>
              {t('case.reply.label')} <span className="tag tag-public">{t('case.public')}</span>
            </label>
            <textarea
              id={`${id}-message`}
              rows={3}
              value={message}
              maxLength={4000}
              onChange={(e) => setMessage(e.target.value)}
            />
          </div>
        ) : null}
        <div className="bulk-actions">
          <Button type="submit" busy={busy} busyLabel={t('case.saving')}>
            {t('inbox.bulk.run', { count: ids.length })}
          </Button>
          <Button variant="secondary" onClick={onClear}>
            {t('inbox.bulk.clear')}
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="bulk-result">
        {problem ? <p className="field-error">{problem}</p> : null}
        {result ? (
          <>
            <p>{t.plural('inbox.bulk.updated', result.updated)}</p>
            {result.failed.length > 0 ? (
              <>
                <p className="field-error">{t.plural('inbox.bulk.failed', result.failed.length)}</p>
                <ul>
                  {result.failed.map((f) => (
                    <li key={f.id}>
                      <strong>{refOf(f.id)}</strong>: {f.message}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
