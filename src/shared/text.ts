// Small checks on text that arrives from outside (residents, staff, configuration). Each one runs
// in time linear in the length of its input: a check that backtracks is a way to stall the server
// with one request (see regex-safety.test.ts, which checks every regular expression in src/).

/** RFC 5321's limit for a whole address; checked before anything else looks at the text. */
export const EMAIL_MAX_LENGTH = 254;

// Deliberately plain: one @, something before it, a dot in the domain after at least one
// character, no spaces. The part of the domain before its first dot cannot contain a dot, so
// there is only one way to match any text and a failing match cannot backtrack.
const EMAIL = /^[^\s@]+@[^\s@.]+\.[^\s@]+$/;

export function isEmailAddress(text: string): boolean {
  return text.length <= EMAIL_MAX_LENGTH && EMAIL.test(text);
}

/** `-skien-` → `skien`: the character trimmed from both ends, without a regular expression. */
export function trimCharacter(text: string, character: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === character) start += 1;
  while (end > start && text[end - 1] === character) end -= 1;
  return text.slice(start, end);
}

/** `https://example.no///` → `https://example.no`, without a regular expression that rescans. */
export function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end -= 1;
  return text.slice(0, end);
}

/**
 * Control characters have no place in what a person types: C0 (U+0000–U+001F), DEL and C1
 * (U+0080–U+009F). PostgreSQL cannot store U+0000 at all, and the others hide text in logs and
 * mails. A multi-line field (a description, a comment) keeps tab, line feed and carriage return.
 */
export function hasControlCharacters(text: string, multiLine: boolean): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code < 0x7f) continue;
    if (code < 0x20) {
      if (multiLine && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
      return true;
    }
    if (code <= 0x9f) return true;
  }
  return false;
}

/**
 * The text with every control character (as above) replaced by a space, for text from a file that
 * is kept or shown rather than refused (an import's rejection list, an uploaded file's name).
 * A multi-line text keeps tab, line feed and carriage return.
 */
export function withoutControlCharacters(text: string, multiLine: boolean): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const kept = multiLine && (code === 0x09 || code === 0x0a || code === 0x0d);
    const control = code < 0x20 || (code >= 0x7f && code <= 0x9f);
    out += control && !kept ? ' ' : text[i];
  }
  return out;
}

/**
 * Ajv's `uuid` format (ajv-formats) also takes `urn:uuid:…`, which PostgreSQL's uuid type refuses:
 * such an id passed validation and failed in the database as a 500. Ids here are the bare form
 * (the app's Ajv `uuid` format, and cursors that PostgreSQL casts).
 */
export const STRICT_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether the text is a UUID PostgreSQL's uuid type takes (any letter case). */
export function isUuid(value: string): boolean {
  return STRICT_UUID.test(value);
}
