// What every administration form shares: the server's refusal split into messages per field
// (details use dotted paths such as "name.nb" or "questions.0.code") and a summary whose lines
// link to those fields, plus the draft kept in sessionStorage so a failed save loses nothing.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { errorText } from '../../../api/error-text.ts';
import type { SummaryItem } from '../../../components/index.ts';
import type { Translator } from '../../../i18n/index.ts';

export type FieldErrors = Record<string, string>;

/** The id of a form's input for a server field path: `settings` + `name.nb` → `settings-name-nb`. */
export function fieldId(form: string, field: string): string {
  return `${form}-${field.replace(/[^\w-]+/g, '-')}`;
}

export function errorsByField(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (error instanceof ApiError) for (const detail of error.details) errors[detail.field] ??= detail.message;
  return errors;
}

/**
 * The summary's lines: one per field detail (a link when the page has that field), else the
 * server's message itself.
 */
export function summaryItems(error: unknown, t: Translator, form: string): SummaryItem[] {
  if (!error) return [];
  if (error instanceof ApiError && error.details.length > 0)
    return error.details.map((detail) => {
      const id = fieldId(form, detail.field);
      return typeof document !== 'undefined' && document.getElementById(id)
        ? { message: detail.message, fieldId: id }
        : { message: detail.message };
    });
  return [{ message: errorText(error, t) }];
}

/**
 * Form state that survives a reload or a failed save: once the person has changed something, it
 * is kept in sessionStorage under `key` until `clear()` (after a successful save, or Cancel).
 */
export function useDraft<T>(
  key: string,
  initial: () => T,
): [T, (next: T | ((old: T) => T)) => void, () => void] {
  const storageKey = `meldepunkt.draft.${key}`;
  const dirty = useRef(false);
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(storageKey);
      if (stored) {
        dirty.current = true;
        return JSON.parse(stored) as T;
      }
    } catch {
      // No storage, or an old shape: start afresh.
    }
    return initial();
  });
  useEffect(() => {
    if (!dirty.current) return;
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or off: the draft still lives in state.
    }
  }, [storageKey, value]);
  const change = useCallback((next: T | ((old: T) => T)) => {
    dirty.current = true;
    setValue(next);
  }, []);
  const clear = useCallback(() => {
    dirty.current = false;
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // Nothing stored.
    }
  }, [storageKey]);
  return [value, change, clear];
}

/** A localized text as the admin API takes it: bokmål required, the others left out when empty. */
export interface Localized {
  nb: string;
  nn?: string;
  en?: string;
}

export function cleanLocalized(text: Localized): Localized {
  const out: Localized = { nb: text.nb.trim() };
  if (text.nn?.trim()) out.nn = text.nn.trim();
  if (text.en?.trim()) out.en = text.en.trim();
  return out;
}

/** A localized text in the UI language, else bokmål. */
export function pick(text: Localized | null | undefined, language: string): string {
  if (!text) return '';
  const value = (text as unknown as Record<string, string | undefined>)[language];
  return value?.trim() ? value : text.nb;
}
