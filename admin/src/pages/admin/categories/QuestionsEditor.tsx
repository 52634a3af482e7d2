// The extra questions a category asks (src/modules/categories/questions.ts): add, remove and
// reorder them (buttons, so the keyboard can), each with its type, labels in three languages,
// limits for numbers and options (each optionally acute) for single and multiple choice.
import { Button, Field } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import {
  codeFrom,
  QUESTION_TYPES,
  type Question,
  type QuestionOption,
  type QuestionType,
} from '../shared/api.ts';
import { type FieldErrors, fieldId } from '../shared/forms.ts';
import { Checkbox, LocalizedFields, Select } from '../shared/inputs.tsx';

const emptyText = () => ({ nb: '', nn: '', en: '' });

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

export function QuestionsEditor({
  form,
  questions,
  onChange,
  errors,
}: {
  form: string;
  questions: Question[];
  onChange(next: Question[]): void;
  errors: FieldErrors;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<Question>) =>
    onChange(questions.map((q, i) => (i === index ? { ...q, ...patch } : q)));
  const add = (type: QuestionType) =>
    onChange([
      ...questions,
      {
        code: `q${questions.length + 1}`,
        type,
        required: false,
        label: emptyText(),
        ...(type === 'single' || type === 'multiple' ? { options: [] } : {}),
      },
    ]);
  return (
    <fieldset className="questions-editor" id={fieldId(form, 'questions')} tabIndex={-1}>
      <legend>{t('admin.questions.title')}</legend>
      {errors.questions ? <p className="field-error">{errors.questions}</p> : null}
      {questions.length === 0 ? <p className="muted">{t('admin.questions.none')}</p> : null}
      <ol className="question-list">
        {questions.map((question, index) => {
          const path = `questions.${index}`;
          const name = question.label.nb || question.code;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: questions have no id; a code may be edited
            <li key={index} className="question">
              <h4>{t('admin.questions.number', { n: index + 1, name })}</h4>
              <div className="row-actions">
                <Button
                  variant="secondary"
                  disabled={index === 0}
                  onClick={() => onChange(move(questions, index, index - 1))}
                >
                  {t('admin.order.up')}
                  <span className="visually-hidden"> {name}</span>
                </Button>
                <Button
                  variant="secondary"
                  disabled={index === questions.length - 1}
                  onClick={() => onChange(move(questions, index, index + 1))}
                >
                  {t('admin.order.down')}
                  <span className="visually-hidden"> {name}</span>
                </Button>
                <Button variant="danger" onClick={() => onChange(questions.filter((_, i) => i !== index))}>
                  {t('admin.questions.remove')}
                  <span className="visually-hidden"> {name}</span>
                </Button>
              </div>
              <div className="field-row">
                <Field
                  id={fieldId(form, `${path}.code`)}
                  label={t('admin.questions.code')}
                  value={question.code}
                  error={errors[`${path}.code`]}
                  onChange={(e) => update(index, { code: e.target.value })}
                />
                <Select
                  id={fieldId(form, `${path}.type`)}
                  label={t('admin.questions.type')}
                  value={question.type}
                  error={errors[`${path}.type`]}
                  onChange={(e) => {
                    const type = e.target.value as QuestionType;
                    update(index, {
                      type,
                      options:
                        type === 'single' || type === 'multiple' ? (question.options ?? []) : undefined,
                    });
                  }}
                >
                  {QUESTION_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`admin.questionType.${type}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <Checkbox
                id={fieldId(form, `${path}.required`)}
                label={t('admin.questions.required')}
                checked={question.required}
                onChange={(on) => update(index, { required: on })}
              />
              <LocalizedFields
                form={form}
                field={`${path}.label`}
                legend={t('admin.questions.label')}
                value={question.label}
                errors={errors}
                onChange={(label) => update(index, { label })}
              />
              <LocalizedFields
                form={form}
                field={`${path}.help`}
                legend={t('admin.questions.help')}
                value={question.help ?? emptyText()}
                errors={errors}
                required={false}
                onChange={(help) => update(index, { help })}
              />
              {question.type === 'number' ? (
                <div className="field-row">
                  <Field
                    id={fieldId(form, `${path}.min`)}
                    type="number"
                    label={t('admin.questions.min')}
                    value={question.min ?? ''}
                    error={errors[`${path}.min`]}
                    onChange={(e) =>
                      update(index, { min: e.target.value === '' ? undefined : Number(e.target.value) })
                    }
                  />
                  <Field
                    id={fieldId(form, `${path}.max`)}
                    type="number"
                    label={t('admin.questions.max')}
                    value={question.max ?? ''}
                    error={errors[`${path}.max`]}
                    onChange={(e) =>
                      update(index, { max: e.target.value === '' ? undefined : Number(e.target.value) })
                    }
                  />
                </div>
              ) : null}
              {question.type === 'single' || question.type === 'multiple' ? (
                <OptionsEditor
                  form={form}
                  path={path}
                  options={question.options ?? []}
                  errors={errors}
                  onChange={(options) => update(index, { options })}
                />
              ) : null}
            </li>
          );
        })}
      </ol>
      <div className="row-actions">
        {QUESTION_TYPES.map((type) => (
          <Button key={type} variant="secondary" onClick={() => add(type)}>
            {t('admin.questions.addType', { type: t(`admin.questionType.${type}`) })}
          </Button>
        ))}
      </div>
    </fieldset>
  );
}

function OptionsEditor({
  form,
  path,
  options,
  errors,
  onChange,
}: {
  form: string;
  path: string;
  options: QuestionOption[];
  errors: FieldErrors;
  onChange(next: QuestionOption[]): void;
}) {
  const t = useT();
  const update = (index: number, patch: Partial<QuestionOption>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  return (
    <fieldset id={fieldId(form, `${path}.options`)} tabIndex={-1}>
      <legend>{t('admin.questions.options')}</legend>
      {errors[`${path}.options`] ? <p className="field-error">{errors[`${path}.options`]}</p> : null}
      <ol className="option-list">
        {options.map((option, index) => {
          const optionPath = `${path}.options.${index}`;
          const name = option.label.nb || option.code || String(index + 1);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: options have no id; a code may be edited
            <li key={index}>
              <LocalizedFields
                form={form}
                field={`${optionPath}.label`}
                legend={t('admin.questions.option', { n: index + 1 })}
                value={option.label}
                errors={errors}
                onChange={(label) => update(index, { label, code: option.code || codeFrom(label.nb) })}
              />
              <div className="field-row">
                <Field
                  id={fieldId(form, `${optionPath}.code`)}
                  label={t('admin.questions.optionCode')}
                  value={option.code}
                  error={errors[`${optionPath}.code`]}
                  onChange={(e) => update(index, { code: e.target.value })}
                />
              </div>
              <Checkbox
                id={fieldId(form, `${optionPath}.acute`)}
                label={t('admin.questions.optionAcute')}
                checked={option.acute ?? false}
                onChange={(on) => update(index, { acute: on })}
              />
              <div className="row-actions">
                <Button
                  variant="secondary"
                  disabled={index === 0}
                  onClick={() => onChange(move(options, index, index - 1))}
                >
                  {t('admin.order.up')}
                  <span className="visually-hidden"> {name}</span>
                </Button>
                <Button
                  variant="secondary"
                  disabled={index === options.length - 1}
                  onClick={() => onChange(move(options, index, index + 1))}
                >
                  {t('admin.order.down')}
                  <span className="visually-hidden"> {name}</span>
                </Button>
                <Button variant="danger" onClick={() => onChange(options.filter((_, i) => i !== index))}>
                  {t('admin.questions.removeOption')}
                  <span className="visually-hidden"> {name}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        variant="secondary"
        onClick={() => onChange([...options, { code: '', label: emptyText(), acute: false }])}
      >
        {t('admin.questions.addOption')}
      </Button>
    </fieldset>
  );
}
