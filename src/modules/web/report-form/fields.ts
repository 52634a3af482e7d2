// Small building blocks of the report form: a labelled field with hint and error, and the
// mapping from an error's field path to the element a resident should be taken to.
import { html } from 'htm/preact';
import type { ComponentChildren, VNode } from 'preact';
import type { ErrorDetail } from '../../../shared/errors.ts';
import type { Language } from '../../../shared/language.ts';

export interface FieldErrors {
  language: Language;
  errors: ErrorDetail[];
}

export function errorFor(fe: FieldErrors, ...fields: string[]): string | undefined {
  const found = fe.errors.find((e) => fields.includes(e.field));
  return found ? found.message[fe.language] : undefined;
}

/** The id of the element an error about `field` should link to. */
export function anchorFor(
  field: string,
  firstCategory: string | undefined,
  category: string | undefined,
): string {
  if (field === 'category') return firstCategory ? `category-${firstCategory}` : 'categories';
  if (field.startsWith('answers.')) return `answer-${category ?? ''}-${field.slice('answers.'.length)}`;
  if (field === 'contact') return 'contact-email';
  if (field.startsWith('contact.')) return `contact-${field.slice('contact.'.length)}`;
  if (field === 'location' || field === 'municipality') return 'address';
  return field;
}

interface TextFieldProps {
  id: string;
  name: string;
  label: string;
  value?: string | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
  requiredText?: string;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  multiline?: boolean;
  maxlength?: number;
  /** More attributes for the input, such as data-* hooks for the page's script. */
  attributes?: Record<string, string | undefined>;
}

export function TextField(p: TextFieldProps): VNode {
  const describedBy =
    [p.hint ? `${p.id}-hint` : '', p.error ? `${p.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id: p.id,
    name: p.name,
    'aria-describedby': describedBy,
    'aria-invalid': p.error ? 'true' : undefined,
    required: p.required,
    maxlength: p.maxlength,
    autocomplete: p.autocomplete,
    ...p.attributes,
  };
  return html`<div class=${p.error ? 'field has-error' : 'field'}>
    <label for=${p.id}>${p.label} ${p.required ? html`<span class="required">${p.requiredText}</span>` : null}</label>
    ${p.hint ? html`<p class="hint" id=${`${p.id}-hint`}>${p.hint}</p>` : null}
    ${p.error ? html`<p class="field-error" id=${`${p.id}-error`}>${p.error}</p>` : null}
    ${
      p.multiline
        ? html`<textarea ...${common} rows="6">${p.value ?? ''}</textarea>`
        : html`<input ...${common} type=${p.type ?? 'text'} inputmode=${p.inputmode} value=${p.value ?? ''} />`
    }
  </div>`;
}

export function Fieldset(props: {
  legend: string;
  id?: string;
  hint?: ComponentChildren;
  error?: string;
  children: ComponentChildren;
}): VNode {
  const hintId = props.id && props.hint ? `${props.id}-hint` : undefined;
  const errorId = props.id && props.error ? `${props.id}-error` : undefined;
  return html`<fieldset id=${props.id} aria-describedby=${[hintId, errorId].filter(Boolean).join(' ') || undefined}>
    <legend>${props.legend}</legend>
    ${props.hint ? html`<p class="hint" id=${hintId}>${props.hint}</p>` : null}
    ${props.error ? html`<p class="field-error" id=${errorId}>${props.error}</p>` : null}
    ${props.children}
  </fieldset>`;
}
