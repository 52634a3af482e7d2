// The rules a category must keep, whether new or changed: its group and default team belong to
// the same municipality, and its questions make sense together.
import type { Queryable } from '../../db/client.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import type { Question } from '../categories/questions.ts';
import { adminMessages } from './admin-messages.ts';
import { belongsTo, refuseIfAny } from './admin-support.ts';
import { validateQuestions } from './validate-questions.ts';

export interface CategoryReferences {
  groupId?: string;
  defaultTeamId?: string | null;
  questions?: Question[];
}

export async function checkCategory(db: Queryable, kommunenummer: string, input: CategoryReferences) {
  const errors: ErrorDetail[] = [];
  if (input.groupId && !(await belongsTo(db, 'category_groups', input.groupId, kommunenummer))) {
    errors.push({
      field: 'groupId',
      code: 'not_in_municipality',
      message: adminMessages.notInMunicipality('group'),
    });
  }
  if (input.defaultTeamId && !(await belongsTo(db, 'teams', input.defaultTeamId, kommunenummer))) {
    errors.push({
      field: 'defaultTeamId',
      code: 'not_in_municipality',
      message: adminMessages.notInMunicipality('team'),
    });
  }
  if (input.questions) errors.push(...validateQuestions(input.questions));
  refuseIfAny(errors);
}
