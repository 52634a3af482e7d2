// One case beside the inbox list (/m/:k/reports/:id): what the report says, who sent it (on
// request, logged), its history, and the actions this staff member may take on it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { Button, EmptyState, Loading, StatusBadge } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { useMembership } from '../../session/index.ts';
import { CaseDetails } from './case/CaseDetails.tsx';
import { ContactPanel } from './case/ContactPanel.tsx';
import { History } from './case/History.tsx';
import { MergeForm } from './case/MergeForm.tsx';
import { NoteForm, ReplyForm } from './case/MessageForms.tsx';
import { CaseHandlingForm, CorrectionForm, ForwardForm } from './case/OtherForms.tsx';
import { AssignForm, PriorityForm, StatusForm } from './case/StatusForms.tsx';
import { caseApi } from './inbox-api.ts';
import { focusCaseControl, useInboxContext } from './inbox-context.ts';
import type { Case } from './types.ts';

export default function CaseView() {
  const t = useT();
  const { id = '' } = useParams();
  const k = useMembership().kommunenummer;
  const context = useInboxContext();
  const [c, setCase] = useState<Case | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const { onCaseChanged, takePendingControl } = context;

  useEffect(() => {
    const controller = new AbortController();
    setCase(null);
    setError(null);
    caseApi
      .get(k, id, controller.signal)
      .then(setCase)
      .catch((e: unknown) => controller.signal.aborted || setError(e));
    return () => controller.abort();
  }, [k, id]);

  // Opening a case moves focus to it, or to the control a shortcut asked for.
  // Only when another case has loaded: not when the inbox's context changes (the directory loads
  // again after a language switch, and focus must stay on the switch).
  const takeControl = useRef(takePendingControl);
  takeControl.current = takePendingControl;
  const loadedId = c?.id;
  useEffect(() => {
    if (!loadedId) return;
    const control = takeControl.current();
    if (!(control && focusCaseControl(control))) heading.current?.focus();
  }, [loadedId]);

  const changed = useCallback(
    (updated: Case) => {
      if (updated.id === id) setCase(updated);
      onCaseChanged(updated);
    },
    [id, onCaseChanged],
  );
  const reload = useCallback(() => {
    setReloading(true);
    caseApi
      .get(k, id)
      .then(changed)
      .catch(setError)
      .finally(() => setReloading(false));
  }, [k, id, changed]);

  // Names (category, group, statuses' history) come in the UI language: a switch loads them again,
  // in place (focus and the typed drafts stay).
  const language = t.language;
  const shownIn = useRef(language);
  useEffect(() => {
    if (shownIn.current === language) return;
    shownIn.current = language;
    reload();
  }, [language, reload]);

  if (error && !c) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <EmptyState title={missing ? t('case.notFound') : t('case.loadFailed')}>
        {missing ? null : <p>{errorText(error, t)}</p>}
        <Link to={{ pathname: `/m/${k}/inbox`, search: context.search }}>{t('case.backToList')}</Link>
      </EmptyState>
    );
  }
  if (!c) return <Loading label={t('case.loading')} />;
  const may = c.allowed;
  const props = { c, k, onChanged: changed, onReload: reload };

  return (
    <article className="case-view" aria-labelledby="case-heading" aria-busy={reloading || undefined}>
      <div className="case-top">
        <Link className="case-back" to={{ pathname: `/m/${k}/inbox`, search: context.search }}>
          {t('case.backToList')}
        </Link>
        <Button variant="link" onClick={context.closeCase} aria-keyshortcuts="Escape">
          {t('case.close')}
        </Button>
      </div>
      <header className="case-header">
        <h2 id="case-heading" tabIndex={-1} ref={heading}>
          <span className="inbox-ref">{c.ref}</span> {c.category.name}
        </h2>
        <div className="inbox-row-badges">
          <StatusBadge status={c.status} />
          {c.acute ? <span className="tag tag-acute">{t('inbox.acute')}</span> : null}
          <span className={`tag tag-priority-${c.priority}`}>
            {t('inbox.priorityShort', { priority: t(`case.priority.${c.priority}`) })}
          </span>
          {c.overdue ? <span className="tag tag-overdue">{t('inbox.overdue')}</span> : null}
          {c.needsCaseHandling ? <span className="tag">{t('case.handling.flag')}</span> : null}
        </div>
        <p className="inbox-row-meta">
          <span>
            {t('inbox.received')} <time dateTime={c.createdAt}>{t.dateTime(c.createdAt)}</time>
          </span>
          {c.dueAt ? (
            <span className={c.overdue ? 'is-overdue' : undefined}>
              {t('inbox.due')} <time dateTime={c.dueAt}>{t.dateTime(c.dueAt)}</time>
            </span>
          ) : null}
          <span>{[c.team?.name, c.assignee?.name].filter(Boolean).join(' · ') || t('inbox.unassigned')}</span>
        </p>
      </header>
      <div className="case-columns">
        <section aria-labelledby="case-about">
          <h3 id="case-about" className="case-section-title">
            {t('case.about')}
          </h3>
          <CaseDetails c={c} k={k} />
          {may['case.read_contact'] ? (
            <>
              <h4>{t('case.contact.title')}</h4>
              <ContactPanel k={k} id={c.id} hasContact={c.hasContact} />
            </>
          ) : null}
        </section>
        <section aria-labelledby="case-actions" className="case-actions" key={c.id}>
          <h3 id="case-actions" className="case-section-title">
            {t('case.actions')}
          </h3>
          {may['case.change_status'] ? <StatusForm {...props} /> : null}
          {may['case.assign'] ? <AssignForm {...props} /> : null}
          {may['case.reply_public'] ? <ReplyForm {...props} /> : null}
          {may['case.note_internal'] ? <NoteForm {...props} /> : null}
          {may['case.change_priority'] ? <PriorityForm {...props} /> : null}
          {may['case.merge'] && !c.mergedInto ? <MergeForm {...props} /> : null}
          {may['case.forward'] ? <ForwardForm {...props} /> : null}
          {may['case.correct'] ? <CorrectionForm {...props} /> : null}
          {may['case.flag_case_handling'] ? <CaseHandlingForm {...props} /> : null}
        </section>
      </div>
      <section aria-labelledby="case-history">
        <h3 id="case-history" className="case-section-title">
          {t('case.history.title')}
        </h3>
        <History entries={c.history} />
      </section>
    </article>
  );
}
