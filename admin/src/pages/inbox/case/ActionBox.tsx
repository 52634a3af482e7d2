// One action of the case view as a small form: its title, its fields, the send button, beside it
// a visible confirmation once it went through ("✓ Status er endret.", a polite live region that
// leaves focus alone), and on failure the server's reason in a summary that takes focus (after a
// 409 with "Last inn på nytt", which loads the case again and leaves the typed text as it is).
import type { FormEvent, ReactNode } from 'react';
import { useEffect, useId, useRef } from 'react';
import { Button, ErrorSummary } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import type { ActionState } from './useAction.ts';

interface Props {
  title: string;
  /** Folded away until opened (less common actions). */
  folded?: boolean;
  state: ActionState;
  submitLabel: string;
  /** The field the error is about (its link in the summary). */
  fieldId?: string;
  badge?: ReactNode;
  onSubmit(): void;
  onReload(): void;
  children: ReactNode;
}

export function ActionBox(props: Props) {
  const t = useT();
  const id = useId();
  const { state } = props;
  const done = useRef<HTMLParagraphElement>(null);
  // Brought into view when it appears (a phone's screen may end at the button), never focused.
  useEffect(() => {
    if (state.done) done.current?.scrollIntoView({ block: 'nearest' });
  }, [state.done]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!state.busy) props.onSubmit();
  };
  const body = (
    <form onSubmit={submit} noValidate className="case-action-form">
      {state.error ? (
        <ErrorSummary
          title={state.conflict ? t('case.conflictTitle') : t('case.saveFailed')}
          items={[{ message: state.error, ...(props.fieldId ? { fieldId: props.fieldId } : {}) }]}
        />
      ) : null}
      {state.error && state.conflict ? (
        <p>
          {t('case.conflictHelp')}{' '}
          <Button variant="secondary" onClick={props.onReload}>
            {t('case.reload')}
          </Button>
        </p>
      ) : null}
      {props.children}
      <div className="case-action-submit">
        <Button type="submit" busy={state.busy} busyLabel={t('case.saving')}>
          {props.submitLabel}
        </Button>
        {/* Seen beside the button and said politely; focus stays where it was. */}
        <p className="action-done" role="status" ref={done}>
          {state.done ? (
            <>
              <span aria-hidden="true" className="action-done-mark">
                ✓
              </span>{' '}
              {state.done}
            </>
          ) : null}
        </p>
      </div>
    </form>
  );
  if (props.folded) {
    return (
      <details className="case-action" open={state.error ? true : undefined}>
        <summary>
          {props.title} {props.badge}
        </summary>
        {body}
      </details>
    );
  }
  return (
    <section className="case-action" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        {props.title} {props.badge}
      </h4>
      {body}
    </section>
  );
}
