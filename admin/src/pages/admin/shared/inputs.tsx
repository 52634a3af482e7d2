// Inputs the administration forms share, each labelled and showing its server error beside it.
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useT } from '../../../i18n/index.ts';
import { type FieldErrors, fieldId, type Localized } from './forms.ts';
import './admin-forms.css';

function described(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextArea({
  id,
  label,
  hint,
  error,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <Messages id={id} hint={hint} error={error} />
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...rest}
      />
    </div>
  );
}

export function Select({
  id,
  label,
  hint,
  error,
  children,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <Messages id={id} hint={hint} error={error} />
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={described(id, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </div>
  );
}

export function Checkbox({
  id,
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string | undefined;
}) {
  return (
    <div className="check-field">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={described(id, hint, error)}
      />
      <label htmlFor={id}>{label}</label>
      <Messages id={id} hint={hint} error={error} />
    </div>
  );
}

/** Bokmål, nynorsk and English versions of one text; bokmål is required. */
export function LocalizedFields({
  form,
  field,
  legend,
  value,
  onChange,
  errors,
  multiline = false,
  required = true,
}: {
  form: string;
  field: string;
  legend: string;
  value: Localized;
  onChange(next: Localized): void;
  errors: FieldErrors;
  multiline?: boolean;
  required?: boolean;
}) {
  const t = useT();
  return (
    <fieldset className="localized">
      <legend>{legend}</legend>
      {(['nb', 'nn', 'en'] as const).map((lang) => {
        const id = fieldId(form, `${field}.${lang}`);
        const error = errors[`${field}.${lang}`] ?? (lang === 'nb' ? errors[field] : undefined);
        const label =
          t(`language.${lang}`) + (lang === 'nb' && required ? ` (${t('admin.form.required')})` : '');
        const props = {
          id,
          label,
          error,
          value: value[lang] ?? '',
          lang,
          required: lang === 'nb' && required,
        };
        return multiline ? (
          <TextArea
            key={lang}
            {...props}
            rows={4}
            onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
          />
        ) : (
          <div key={lang} className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={id}>{label}</label>
            <Messages id={id} error={error} />
            <input
              id={id}
              lang={lang}
              required={props.required}
              value={props.value}
              aria-invalid={error ? true : undefined}
              aria-describedby={described(id, undefined, error)}
              onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

/** "Lagret." and other results of a save, announced politely. Always rendered, so the live region exists before it speaks. */
export function SavedNotice({ message }: { message: string }) {
  return (
    <p className="saved-notice" role="status" aria-live="polite">
      {message}
    </p>
  );
}
