// The chosen category's extra questions, each type as its natural input (text, number, yes/no,
// one choice, several choices); answers keyed by question code as the API takes them.
import { Field } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import type { PublicQuestion } from './front-desk-api.ts';

export type AnswerDraft = Record<string, string | string[]>;

export function QuestionFields({
  questions,
  answers,
  onChange,
  errors,
}: {
  questions: PublicQuestion[];
  answers: AnswerDraft;
  onChange(next: AnswerDraft): void;
  errors: Record<string, string>;
}) {
  const t = useT();
  if (questions.length === 0) return null;
  const set = (code: string, value: string | string[]) => onChange({ ...answers, [code]: value });
  return (
    <fieldset className="desk-questions">
      <legend>{t('frontDesk.questions')}</legend>
      {questions.map((q) => {
        const id = `desk-answers-${q.code}`;
        const error = errors[`answers.${q.code}`];
        const label = q.required ? `${q.label} (${t('admin.form.required')})` : q.label;
        const value = answers[q.code];
        if (q.type === 'text' || q.type === 'number')
          return (
            <Field
              key={q.code}
              id={id}
              label={label}
              hint={q.help}
              error={error}
              inputMode={q.type === 'number' ? 'decimal' : undefined}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => set(q.code, e.target.value)}
            />
          );
        const choices =
          q.type === 'boolean'
            ? [
                { code: 'true', label: t('frontDesk.yes') },
                { code: 'false', label: t('frontDesk.no') },
              ]
            : (q.options ?? []).map((o) => ({
                code: o.code,
                label: o.acute ? `${o.label} (${t('frontDesk.acute')})` : o.label,
              }));
        const multiple = q.type === 'multiple';
        const chosen = Array.isArray(value) ? value : value ? [value] : [];
        return (
          <fieldset
            key={q.code}
            id={id}
            tabIndex={-1}
            className={error ? 'choice field-invalid' : 'choice'}
            aria-describedby={error ? `${id}-error` : undefined}
          >
            <legend>{label}</legend>
            {q.help ? <p className="field-hint">{q.help}</p> : null}
            {error ? (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            {choices.map((choice) => (
              <label key={choice.code} className="choice-option">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={id}
                  value={choice.code}
                  checked={chosen.includes(choice.code)}
                  onChange={(e) =>
                    set(
                      q.code,
                      multiple
                        ? e.target.checked
                          ? [...chosen, choice.code]
                          : chosen.filter((c) => c !== choice.code)
                        : choice.code,
                    )
                  }
                />{' '}
                {choice.label}
              </label>
            ))}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

/** The answers as the API takes them: numbers and yes/no in their own type, blanks left out. */
export function answersForApi(questions: PublicQuestion[], answers: AnswerDraft) {
  const out: Record<string, string | number | boolean | string[]> = {};
  for (const q of questions) {
    const value = answers[q.code];
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (q.type === 'boolean') out[q.code] = value === 'true';
    else if (q.type === 'number' && typeof value === 'string') {
      const n = Number(value.replace(',', '.'));
      out[q.code] = Number.isFinite(n) ? n : value;
    } else out[q.code] = value;
  }
  return out;
}
