// The checks a category's extra questions must pass before residents see them. The request schema
// already checks each field's shape; these are the rules between fields that checkAnswers relies on
// (unique codes, options for choice questions, a sensible number range).
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Question } from '../categories/questions.ts';
import { adminMessages } from './admin-messages.ts';

const CHOICE_TYPES = new Set(['single', 'multiple']);

export function validateQuestions(questions: readonly Question[]): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const seen = new Set<string>();
  questions.forEach((question, index) => {
    const field = `questions.${index}`;
    if (seen.has(question.code)) {
      errors.push({
        field: `${field}.code`,
        code: 'duplicate_code',
        message: adminMessages.questionCodeDuplicate(question.code),
      });
    }
    seen.add(question.code);
    const options = question.options ?? [];
    if (CHOICE_TYPES.has(question.type)) {
      const codes = new Set(options.map((o) => o.code));
      if (options.length < 2 || codes.size !== options.length) {
        errors.push({
          field: `${field}.options`,
          code: 'options_required',
          message: adminMessages.questionOptionsRequired(),
        });
      }
    } else if (options.length > 0) {
      errors.push({
        field: `${field}.options`,
        code: 'options_not_allowed',
        message: adminMessages.questionOptionsNotAllowed(),
      });
    }
    const hasRange = question.min !== undefined || question.max !== undefined;
    if (
      hasRange &&
      (question.type !== 'number' ||
        (question.min !== undefined && question.max !== undefined && question.min > question.max))
    ) {
      errors.push({ field: `${field}.min`, code: 'invalid_range', message: adminMessages.questionRange() });
    }
  });
  return errors;
}
