// Parts of the report form: one extra question, one category choice, the on-call notice.
import { html } from 'htm/preact';
import type { VNode } from 'preact';
import type { CategoryTreeNode, CategoryTreeQuestion } from '../../categories/list-category-tree.ts';
import type { Site } from '../site.ts';
import { errorFor, type FieldErrors, TextField } from './fields.ts';

export function questionField(
  q: CategoryTreeQuestion,
  category: string,
  value: string | string[] | undefined,
  fe: FieldErrors,
  site: Site,
): VNode {
  const t = site.text.form;
  const id = `answer-${category}-${q.code}`;
  const name = `answers.${q.code}`;
  const error = errorFor(fe, `answers.${q.code}`);
  const required = q.required ? html` <span class="required">${t.required}</span>` : null;
  if (q.type === 'text' || q.type === 'number') {
    return TextField({
      id,
      name,
      label: q.label,
      value: typeof value === 'string' ? value : undefined,
      hint: q.help,
      error,
      required: q.required,
      requiredText: t.required,
      inputmode: q.type === 'number' ? 'decimal' : undefined,
      maxlength: 1000,
    });
  }
  const options =
    q.type === 'boolean'
      ? [
          { code: 'true', label: t.yes },
          { code: 'false', label: t.no },
        ]
      : (q.options ?? []);
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  const inputType = q.type === 'multiple' ? 'checkbox' : 'radio';
  return html`<fieldset class=${error ? 'choice has-error' : 'choice'} id=${id}>
    <legend>${q.label}${required}</legend>
    ${q.help ? html`<p class="hint">${q.help}</p>` : null}
    ${error ? html`<p class="field-error">${error}</p>` : null}
    ${options.map(
      (o) => html`<label class="choice">
        <input type=${inputType} name=${name} value=${o.code} checked=${chosen.includes(o.code)} />
        <span>${o.label}</span>
      </label>`,
    )}
  </fieldset>`;
}

/**
 * One category to choose, with its own questions under it. The questions are in every post,
 * shown only under the chosen category: by site.css (:has) without scripts, so a required one
 * is seen before the first post; with scripts report-form.js also disables the others' (not
 * sent). The server keeps only the chosen category's answers (submit-form.ts).
 */
export function categoryOption(c: CategoryTreeNode, selected: string | undefined, questions: VNode[]): VNode {
  const helpId = c.help ? `category-${c.code}-help` : undefined;
  return html`<div class="category" data-search=${`${c.name} ${c.help ?? ''}`.toLowerCase()}>
    <label class="choice" for=${`category-${c.code}`}>
      <input type="radio" name="category" id=${`category-${c.code}`} value=${c.code} checked=${selected === c.code}
        data-acute=${c.acute ? '1' : undefined} aria-describedby=${helpId} />
      <span>${c.name}</span>
    </label>
    ${c.help ? html`<p class="category-help" id=${helpId}>${c.help}</p>` : null}
    ${
      questions.length > 0
        ? html`<fieldset class="questions" data-category=${c.code}>
          <legend class="visually-hidden">${c.name}</legend>
          ${questions}
        </fieldset>`
        : null
    }
  </div>`;
}

export function acuteNotice(site: Site, id: string, hidden: boolean): VNode {
  const t = site.text.form;
  const phone = site.municipality.onCallPhone;
  return html`<div class="notice acute" id=${id} hidden=${hidden} role=${hidden ? undefined : 'note'}>
    <strong>${t.acuteTitle}</strong> ${phone ? t.acuteText(phone) : t.acuteTextNoPhone}
  </div>`;
}
