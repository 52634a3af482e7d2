// The two kinds of text on a case, kept visibly apart: the public reply (the resident sees it, on
// the tracking page and by notification) with a template picker, and the internal note (staff
// only). Both keep their draft per report in sessionStorage.
import { useEffect, useId, useState } from 'react';
import { Button, type ReportStatus } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { caseApi } from '../inbox-api.ts';
import { CASE_CONTROLS } from '../inbox-context.ts';
import type { ReplyTemplate } from '../types.ts';
import { ActionBox } from './ActionBox.tsx';
import type { ActionProps } from './action-props.ts';
import { useDraft } from './drafts.ts';
import { useAction } from './useAction.ts';

export function PublicTag() {
  const t = useT();
  return <span className="tag tag-public">{t('case.public')}</span>;
}

export function InternalTag() {
  const t = useT();
  return <span className="tag tag-internal">{t('case.internal')}</span>;
}

/**
 * Picks a template (rendered for this report) and puts its text in the reply to edit. With
 * `status`, the templates for that status (the one the reply goes out with), fetched again when
 * it changes; without, those for the report's current status.
 */
export function TemplatePicker(props: {
  k: string;
  id: string;
  status?: ReportStatus;
  onInsert(text: string): void;
}) {
  const { k, id, status, onInsert } = props;
  const t = useT();
  const selectId = useId();
  const [templates, setTemplates] = useState<ReplyTemplate[] | null>(null);
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    caseApi
      .templates(k, id, status, controller.signal)
      .then((r) => {
        setTemplates(r.templates);
        setChosen((was) => (r.templates.some((x) => x.id === was) ? was : ''));
      })
      .catch(() => controller.signal.aborted || setTemplates([]));
    return () => controller.abort();
  }, [k, id, status]);
  if (!templates || templates.length === 0) {
    return templates ? <p className="field-hint">{t('case.reply.noTemplates')}</p> : null;
  }
  return (
    <div className="template-picker">
      <div className="field">
        <label htmlFor={selectId}>{t('case.reply.template')}</label>
        <select id={selectId} value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('case.reply.chooseTemplate')}</option>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </div>
      <Button
        variant="secondary"
        disabled={!chosen}
        onClick={() => {
          const template = templates.find((x) => x.id === chosen);
          if (template) onInsert(template.text);
        }}
      >
        {t('case.reply.insert')}
      </Button>
    </div>
  );
}

export function ReplyForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const state = useAction(onChanged);
  const [text, setText, clear] = useDraft(c.id, 'reply');
  const [missing, setMissing] = useState(false);
  const fieldId = CASE_CONTROLS.reply;
  const submit = () => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void state
      .run(
        () => caseApi.act(k, c.id, 'replies', { message: text.trim(), version: c.version }),
        t('case.reply.sent'),
      )
      .then((ok) => ok && clear());
  };
  return (
    <ActionBox
      title={t('case.reply.title')}
      badge={<PublicTag />}
      state={state}
      submitLabel={t('case.reply.send')}
      fieldId={fieldId}
      onSubmit={submit}
      onReload={onReload}
    >
      <p className="field-hint">{t('case.reply.hint')}</p>
      <TemplatePicker k={k} id={c.id} onInsert={(x) => setText(text.trim() ? `${text.trim()}\n\n${x}` : x)} />
      <MessageField
        id={fieldId}
        label={t('case.reply.label')}
        value={text}
        onChange={setText}
        missing={missing}
      />
    </ActionBox>
  );
}

export function NoteForm({ c, k, onChanged, onReload }: ActionProps) {
  const t = useT();
  const state = useAction(onChanged);
  const [text, setText, clear] = useDraft(c.id, 'note');
  const [missing, setMissing] = useState(false);
  const fieldId = CASE_CONTROLS.note;
  const submit = () => {
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void state
      .run(() => caseApi.act(k, c.id, 'notes', { message: text.trim() }), t('case.note.saved'))
      .then((ok) => ok && clear());
  };
  return (
    <ActionBox
      title={t('case.note.title')}
      badge={<InternalTag />}
      state={state}
      submitLabel={t('case.note.save')}
      fieldId={fieldId}
      onSubmit={submit}
      onReload={onReload}
    >
      <p className="field-hint">{t('case.note.hint')}</p>
      <MessageField
        id={fieldId}
        label={t('case.note.label')}
        value={text}
        onChange={setText}
        missing={missing}
      />
    </ActionBox>
  );
}

export function MessageField(props: {
  id: string;
  label: string;
  value: string;
  missing: boolean;
  onChange(text: string): void;
}) {
  const t = useT();
  return (
    <div className={props.missing ? 'field field-invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.missing ? (
        <p className="field-error" id={`${props.id}-error`}>
          {t('case.reply.required')}
        </p>
      ) : null}
      <textarea
        id={props.id}
        rows={5}
        maxLength={4000}
        value={props.value}
        aria-invalid={props.missing || undefined}
        aria-describedby={props.missing ? `${props.id}-error` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
