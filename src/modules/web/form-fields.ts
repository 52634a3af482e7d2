// The residents' form posts are read through a table of the fields each form has, applied to each
// field as it arrives and before anything else looks at the values: a field the form does not
// have is dropped, a field sent more often than the form can send it is dropped, a value longer
// than its limit is cut to it, and control characters are removed. What was cut or removed is
// reported as an error on that field, so the resident sees it on the form with everything else
// they typed; nothing reaches a check (or a regular expression) at a length nobody can type.
import { inputMessages } from '../../i18n/input-messages.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { hasControlCharacters } from '../../shared/text.ts';

export interface FieldRule {
  maxLength: number;
  /** Keeps tab and line breaks (a description); otherwise they count as control characters. */
  multiLine?: boolean;
  /** How many times the form can send it (checkboxes, multiple choice); 1 if not given. */
  maxCount?: number;
}

export interface FieldTable {
  /** Fields by exact name. */
  fields: Record<string, FieldRule>;
  /** Families of fields by name prefix (`answers.` for the category's questions). */
  prefixes?: Record<string, FieldRule & { maxNames: number }>;
}

export interface ReadFields {
  fields: Map<string, string[]>;
  errors: ErrorDetail[];
}

function removeControlCharacters(value: string, multiLine: boolean): string {
  let kept = '';
  for (const char of value) if (!hasControlCharacters(char, multiLine)) kept += char;
  return kept;
}

/** Collects a form's fields through its table; `add` each field as it arrives, then `result`. */
export function fieldReader(table: FieldTable) {
  const fields = new Map<string, string[]>();
  const errors: ErrorDetail[] = [];
  const prefixNames = new Map<string, number>();

  function ruleFor(name: string): FieldRule | undefined {
    const exact = Object.hasOwn(table.fields, name) ? table.fields[name] : undefined;
    if (exact) return exact;
    for (const [prefix, rule] of Object.entries(table.prefixes ?? {})) {
      if (!name.startsWith(prefix) || name.length > prefix.length + 100) continue;
      // The name itself is the resident's too (a multipart `name*=utf-8''answers.%00` decodes to
      // a NUL): it becomes a key in what is stored, where PostgreSQL refuses a NUL. Dropped.
      if (hasControlCharacters(name, false)) return undefined;
      if (!fields.has(name)) {
        const count = prefixNames.get(prefix) ?? 0;
        if (count >= rule.maxNames) return undefined;
        prefixNames.set(prefix, count + 1);
      }
      return rule;
    }
    return undefined;
  }

  return {
    add(name: string, raw: string): void {
      const rule = ruleFor(name);
      if (!rule) return;
      const list = fields.get(name) ?? [];
      if (list.length >= (rule.maxCount ?? 1)) return;
      let value = raw;
      if (value.length > rule.maxLength) {
        value = value.slice(0, rule.maxLength);
        errors.push({ field: name, code: 'too_long', message: inputMessages.fieldTooLong(rule.maxLength) });
      }
      if (hasControlCharacters(value, rule.multiLine === true)) {
        value = removeControlCharacters(value, rule.multiLine === true);
        errors.push({
          field: name,
          code: 'control_characters',
          message: inputMessages.controlCharactersRemoved(),
        });
      }
      list.push(value);
      fields.set(name, list);
    },
    result(): ReadFields {
      return { fields, errors };
    },
  };
}

/** A urlencoded body (as @fastify/formbody parsed it) read through a table. */
export function readUrlencoded(body: unknown, table: FieldTable): ReadFields {
  const reader = fieldReader(table);
  if (typeof body === 'object' && body !== null) {
    for (const [name, value] of Object.entries(body)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'string') reader.add(name, item);
      }
    }
  }
  return reader.result();
}

/** The first value of a field, trimmed; undefined when absent or blank. */
export function firstValue(fields: Map<string, string[]>, name: string): string | undefined {
  const value = fields.get(name)?.[0]?.trim();
  return value ? value : undefined;
}

/** The hidden form token every residents' form carries. */
export const TOKEN_FIELD: Record<string, FieldRule> = { _token: { maxLength: 100 } };
