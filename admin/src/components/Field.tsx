import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';

export interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: ReactNode;
  /** Shown under the label and tied to the input with aria-describedby. */
  hint?: ReactNode;
  /** Shown next to the input, which is then aria-invalid and described by it. */
  error?: string | undefined;
  /** The input's id; by default one is made. ErrorSummary links point here. */
  id?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and error, all announced with the input. */
export function Field({ label, hint, error, id, className, ref, ...input }: FieldProps) {
  const made = useId();
  const inputId = id ?? `field-${made}`;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : null, className].filter(Boolean).join(' ')}>
      <label htmlFor={inputId}>{label}</label>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        ref={ref}
        id={inputId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
      />
    </div>
  );
}
