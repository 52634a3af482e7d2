// Extra questions a category asks (how deep is the water, is the cover missing), and the checks
// an answer must pass. Answers arrive from JSON clients and from HTML forms, so numbers and
// yes/no may come as strings; they are stored in their proper JSON type.

import { messages } from '../../i18n/messages.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { LocalizedText } from '../../shared/language.ts';

export const QUESTION_TYPES = ['text', 'number', 'boolean', 'single', 'multiple'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface QuestionOption {
  code: string;
  label: LocalizedText;
  /** Choosing this option makes the report acute (e.g. "the manhole cover is missing"). */
  acute?: boolean;
}

export interface Question {
  code: string;
  type: QuestionType;
  required: boolean;
  label: LocalizedText;
  help?: LocalizedText;
  /** For single and multiple choice. */
  options?: QuestionOption[];
  /** For numbers. */
  min?: number;
  max?: number;
}

export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

export const MAX_TEXT_ANSWER_LENGTH = 1000;

export interface AnswerCheck {
  answers: Answers;
  errors: ErrorDetail[];
  /** True when an answer chose an option marked acute. */
  acute: boolean;
}

function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+([.,]\d+)?$/.test(value.trim())) {
    // A long enough digit string overflows to Infinity, which JSON would store as null.
    const n = Number(value.trim().replace(',', '.'));
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (['true', 'yes', 'ja', '1'].includes(v)) return true;
    if (['false', 'no', 'nei', '0'].includes(v)) return false;
  }
  return undefined;
}

/**
 * Defines the answer as an own property, so that a question coded "__proto__" stores an answer
 * instead of replacing the object's prototype. (A null-prototype object would do too, but the
 * database layer expects plain objects.)
 */
function setAnswer(answers: Answers, code: string, value: AnswerValue): void {
  Object.defineProperty(answers, code, { value, enumerable: true, writable: true, configurable: true });
}

export function checkAnswers(questions: readonly Question[], input: unknown): AnswerCheck {
  const errors: ErrorDetail[] = [];
  const answers: Answers = {};
  let acute = false;
  const given: Record<string, unknown> =
    input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  if (input !== undefined && input !== null && given !== input) {
    errors.push({ field: 'answers', code: 'invalid_answers', message: messages.answersNotObject() });
    return { answers, errors, acute };
  }

  const known = new Set(questions.map((q) => q.code));
  for (const code of Object.keys(given)) {
    if (!known.has(code)) {
      errors.push({
        field: `answers.${code}`,
        code: 'unknown_question',
        message: messages.unknownQuestion(code),
      });
    }
  }

  for (const question of questions) {
    const field = `answers.${question.code}`;
    // Own properties only: a question coded "constructor" must not read Object.prototype's.
    const raw = Object.hasOwn(given, question.code) ? given[question.code] : undefined;
    if (isBlank(raw)) {
      if (question.required) {
        errors.push({ field, code: 'required', message: messages.answerRequired(question.label) });
      }
      continue;
    }
    const options = question.options ?? [];
    switch (question.type) {
      case 'text': {
        if (typeof raw !== 'string') {
          errors.push({ field, code: 'invalid_type', message: messages.answerMustBeText(question.label) });
        } else if (raw.length > MAX_TEXT_ANSWER_LENGTH) {
          errors.push({
            field,
            code: 'too_long',
            message: messages.answerTooLong(question.label, MAX_TEXT_ANSWER_LENGTH),
          });
        } else {
          setAnswer(answers, question.code, raw.trim());
        }
        break;
      }
      case 'number': {
        const n = toNumber(raw);
        if (n === undefined) {
          errors.push({ field, code: 'invalid_type', message: messages.answerMustBeNumber(question.label) });
        } else if (
          (question.min !== undefined && n < question.min) ||
          (question.max !== undefined && n > question.max)
        ) {
          errors.push({
            field,
            code: 'out_of_range',
            message: messages.answerOutOfRange(question.label, question.min, question.max),
          });
        } else {
          setAnswer(answers, question.code, n);
        }
        break;
      }
      case 'boolean': {
        const b = toBoolean(raw);
        if (b === undefined) {
          errors.push({ field, code: 'invalid_type', message: messages.answerMustBeYesNo(question.label) });
        } else {
          setAnswer(answers, question.code, b);
        }
        break;
      }
      case 'single': {
        const option = typeof raw === 'string' ? options.find((o) => o.code === raw) : undefined;
        if (!option) {
          errors.push({
            field,
            code: 'invalid_choice',
            message: messages.answerInvalidChoice(question.label),
          });
        } else {
          setAnswer(answers, question.code, option.code);
          acute ||= option.acute === true;
        }
        break;
      }
      case 'multiple': {
        const values = typeof raw === 'string' ? [raw] : raw;
        const chosen = Array.isArray(values)
          ? values.map((v) => options.find((o) => o.code === v))
          : [undefined];
        if (chosen.some((o) => o === undefined)) {
          errors.push({
            field,
            code: 'invalid_choice',
            message: messages.answerInvalidChoice(question.label),
          });
        } else {
          const unique = [...new Set(chosen.map((o) => (o as QuestionOption).code))];
          setAnswer(answers, question.code, unique);
          acute ||= chosen.some((o) => o?.acute === true);
        }
        break;
      }
    }
  }
  return { answers, errors, acute };
}
