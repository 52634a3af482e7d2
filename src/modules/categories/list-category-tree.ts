import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { type Language, localize } from '../../shared/language.ts';
import { municipalityUnavailable } from '../tenants/municipality-unavailable.ts';
import { findMunicipality } from '../tenants/queries.ts';
import { listActiveCategories } from './queries.ts';
import type { QuestionType } from './questions.ts';

export interface CategoryTreeQuestion {
  code: string;
  type: QuestionType;
  required: boolean;
  label: string;
  help?: string;
  options?: { code: string; label: string; acute: boolean }[];
  min?: number;
  max?: number;
}

export interface CategoryTreeNode {
  id: string;
  code: string;
  name: string;
  help?: string;
  acute: boolean;
  contactRequired: boolean;
  deadlineHours: number | null;
  questions: CategoryTreeQuestion[];
}

export interface CategoryTree {
  municipality: { kommunenummer: string; name: string; onCallPhone: string | null };
  language: Language;
  groups: { code: string; name: string; categories: CategoryTreeNode[] }[];
}

/** The category tree residents choose from, in one language. */
export async function listCategoryTree(
  db: Queryable,
  kommunenummer: string,
  asked: Language | undefined,
): Promise<CategoryTree> {
  const municipality = await findMunicipality(db, kommunenummer);
  if (!municipality) {
    throw new AppError(404, 'municipality_not_found', messages.municipalityNotFound(kommunenummer));
  }
  if (!municipality.enabled) throw municipalityUnavailable(municipality.name);
  const language = asked ?? municipality.defaultLanguage;
  const rows = await listActiveCategories(db, kommunenummer);
  const groups = new Map<string, CategoryTree['groups'][number]>();
  for (const { group, category } of rows) {
    let node = groups.get(group.id);
    if (!node) {
      node = { code: group.code, name: localize(group.name, language), categories: [] };
      groups.set(group.id, node);
    }
    node.categories.push({
      id: category.id,
      code: category.code,
      name: localize(category.name, language),
      ...(category.help ? { help: localize(category.help, language) } : {}),
      acute: category.acute,
      contactRequired: category.contactRequired,
      deadlineHours: category.deadlineHours,
      questions: category.questions.map((q) => ({
        code: q.code,
        type: q.type,
        required: q.required,
        label: localize(q.label, language),
        ...(q.help ? { help: localize(q.help, language) } : {}),
        ...(q.options
          ? {
              options: q.options.map((o) => ({
                code: o.code,
                label: localize(o.label, language),
                acute: o.acute === true,
              })),
            }
          : {}),
        ...(q.min !== undefined ? { min: q.min } : {}),
        ...(q.max !== undefined ? { max: q.max } : {}),
      })),
    });
  }
  return {
    municipality: {
      kommunenummer: municipality.kommunenummer,
      name: municipality.name,
      onCallPhone: municipality.onCallPhone,
    },
    language,
    groups: [...groups.values()],
  };
}
