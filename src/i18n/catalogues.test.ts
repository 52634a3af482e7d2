// Every text the staff back office (admin/src/i18n) and the residents' pages and API messages
// (src/i18n) can show, rendered in bokmål, nynorsk and English. It fails on a missing text (a key
// one language lacks, an enum value with no label, a placeholder one language leaves unfilled), a
// raw enum value shown as text ("email", "under_behandling", "2026-W49"), and on words of a known
// list that do not belong: English in a Norwegian text, bokmål in a nynorsk one.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../admin/src/i18n/catalog.ts';
import { formatIsoWeek, formatRelative } from '../../admin/src/i18n/format.ts';
import { messages as staffCatalogs, translate, translatePlural } from '../../admin/src/i18n/messages.ts';
import { STAFF_ROLES } from '../modules/accounts/roles.ts';
import { INBOX_SORTS } from '../modules/cases/inbox-filters.ts';
import { QUESTION_TYPES } from '../modules/categories/questions.ts';
import { PUBLIC_LOCATIONS } from '../modules/categories/schema.ts';
import { MESSAGE_KINDS } from '../modules/notifications/default-templates.ts';
import type { MessageStatus } from '../modules/notifications/schema.ts';
import { NEW_REPORTS_PREFERENCES } from '../modules/notifications/staff-prefs.ts';
import {
  CHANNELS,
  NOTIFY_CHANNELS,
  PRIORITIES,
  REPORT_EVENT_KINDS,
  REPORT_STATUSES,
  STATUS_INFO,
} from '../modules/reports/statuses.ts';
import { LANGUAGES, type Language } from '../shared/language.ts';
import { inputMessages } from './input-messages.ts';
import { messages as apiMessages } from './messages.ts';
import { staffMessages } from './staff-messages.ts';
import { webText } from './web.ts';

type Key = keyof Catalog;

/** What the outbox can say of a message (a type only on the server; listed here, checked by type). */
const MESSAGE_STATUSES = [
  'queued',
  'sent',
  'delivered',
  'failed',
  'outbox',
] as const satisfies readonly MessageStatus[];
type MissingStatus = Exclude<MessageStatus, (typeof MESSAGE_STATUSES)[number]>;
const noStatusMissing: MissingStatus[] = [];

/**
 * The back office's families of labels, one per value of a server enum: `${prefix}${value}` must
 * exist in every language. A new value on the server without a label fails here, not on a screen.
 */
const STAFF_ENUM_LABELS: [string, readonly string[]][] = [
  ['status.', REPORT_STATUSES],
  ['inbox.channel.', CHANNELS],
  ['inbox.sort.', INBOX_SORTS],
  ['case.priority.', PRIORITIES],
  ['case.history.kind.', REPORT_EVENT_KINDS],
  ['case.contact.notifyBy.', NOTIFY_CHANNELS],
  ['frontDesk.notify.', NOTIFY_CHANNELS],
  ['admin.role.', STAFF_ROLES],
  ['admin.roleHint.', STAFF_ROLES],
  ['admin.questionType.', QUESTION_TYPES],
  ['admin.category.publicLocation.', PUBLIC_LOCATIONS],
  ['admin.messages.kind.', MESSAGE_KINDS],
  ['outbox.status.', MESSAGE_STATUSES],
  ['prefs.newReports.', NEW_REPORTS_PREFERENCES],
  ['language.', LANGUAGES],
];

/** Every enum value the API speaks: none may be shown as it is, in place of its words. */
const RAW_VALUES = new Set<string>(
  [
    REPORT_STATUSES,
    CHANNELS,
    NOTIFY_CHANNELS,
    PRIORITIES,
    REPORT_EVENT_KINDS,
    STAFF_ROLES,
    QUESTION_TYPES,
    PUBLIC_LOCATIONS,
    MESSAGE_KINDS,
    MESSAGE_STATUSES,
    NEW_REPORTS_PREFERENCES,
  ].flat(),
);
/** English words that have no place in a Norwegian text (found in slips before, or likely ones). */
const ENGLISH = [
  'email',
  'e-mail',
  'the',
  'and',
  'of',
  'with',
  'please',
  'report',
  'reports',
  'received',
  'week',
  'error',
  'save',
  'cancel',
  'delete',
  'loading',
  'submit',
  'password',
  'settings',
  'user',
  'users',
  'search',
  'yes',
  'not',
  'you',
  'your',
  'this',
  'ago',
  'away',
];
/** Bokmål that nynorsk writes otherwise ("minutter siden" is "minutt sidan"). */
const BOKMAL = [
  'ikke',
  'hva',
  'hvor',
  'hvem',
  'hvordan',
  'hvorfor',
  'hvis',
  'jeg',
  'siden',
  'minutter',
  'dager',
  'uker',
  'måneder',
  'noen',
  'bare',
  'være',
  'gjøre',
  'mye',
  'velg',
  'mottatt',
];

/** Texts whose {placeholders} the page's script fills in (they go to it in a data- attribute). */
const SCRIPT_TEMPLATES = new Set(['web.form.addressSuggestions']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}_-]+/u)
    .filter(Boolean);
}

/** What is wrong with one text in one language, as readable lines. */
function problemsOf(where: string, language: Language, text: string): string[] {
  const problems: string[] = [];
  if (!text.trim()) problems.push(`${where} [${language}]: empty`);
  // A label that is the value itself, as the API spells it ("email", "sms", "web").
  if (RAW_VALUES.has(text.trim()))
    problems.push(`${where} [${language}]: the raw value «${text}» as its text`);
  const left = text.match(/\{\w+\}/g);
  if (left && !SCRIPT_TEMPLATES.has(where))
    problems.push(`${where} [${language}]: placeholder left unfilled: ${left.join(' ')} in «${text}»`);
  if (/\b\d{4}-W\d{2}\b/.test(text))
    problems.push(`${where} [${language}]: an ISO week as the API names it: «${text}»`);
  if (/\bundefined\b|\bNaN\b|\[object /.test(text))
    problems.push(`${where} [${language}]: a value gone wrong in «${text}»`);
  // A quoted name of a field or file («report», «photo») is what the client must send, not prose.
  for (const word of words(text.replace(/«[^\s«»]+»/g, ' '))) {
    // Many values are Norwegian words ("mottatt", "telefon"); a value with "_" never is.
    if (RAW_VALUES.has(word) && word.includes('_'))
      problems.push(`${where} [${language}]: raw value «${word}» in «${text}»`);
    if (language !== 'en' && ENGLISH.includes(word))
      problems.push(`${where} [${language}]: English «${word}» in «${text}»`);
    if (language === 'nn' && BOKMAL.includes(word))
      problems.push(`${where} [${language}]: bokmål «${word}» in «${text}»`);
  }
  return problems;
}

/** A sample for each {placeholder}: words for names, numbers for counts. */
function sampleParams(text: string): Record<string, string | number> {
  const params: Record<string, string | number> = {};
  for (const [, name] of text.matchAll(/\{(\w+)\}/g)) if (name) params[name] = 'Porsgrunn';
  return params;
}

function placeholders(value: Catalog[Key]): string[] {
  const texts = typeof value === 'string' ? [value] : Object.values(value as Record<string, string>);
  return [...new Set(texts.flatMap((t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
}

describe('the staff catalogues (admin/src/i18n)', () => {
  const keys = Object.keys(staffCatalogs.nb) as Key[];

  it('have the same keys in every language, each with the same placeholders', () => {
    for (const language of LANGUAGES) {
      expect(Object.keys(staffCatalogs[language]).sort(), `keys of ${language}`).toEqual([...keys].sort());
    }
    const differing = keys.filter((key) => {
      const nb = placeholders(staffCatalogs.nb[key]).join();
      return (
        placeholders(staffCatalogs.nn[key]).join() !== nb || placeholders(staffCatalogs.en[key]).join() !== nb
      );
    });
    expect(differing, 'keys whose placeholders differ between languages').toEqual([]);
  });

  it('label every value of every enum the back office shows, in every language', () => {
    const missing: string[] = [];
    for (const [prefix, values] of STAFF_ENUM_LABELS)
      for (const value of values)
        for (const language of LANGUAGES)
          if (!(`${prefix}${value}` in staffCatalogs[language]))
            missing.push(`${prefix}${value} [${language}]`);
    expect(missing).toEqual([]);
    expect(noStatusMissing).toEqual([]);
  });

  it('render every text without a gap, a raw value or a word from another language', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES)
      for (const key of keys) {
        const value = staffCatalogs.nb[key];
        if (typeof value === 'string') {
          const text = translate(language, key as Parameters<typeof translate>[1], sampleParams(value));
          problems.push(...problemsOf(key, language, text));
        } else {
          const params = sampleParams(Object.values(value).join(' '));
          for (const count of [0, 1, 2, 5]) {
            const text = translatePlural(
              language,
              key as Parameters<typeof translatePlural>[1],
              count,
              params,
            );
            problems.push(...problemsOf(`${key} (${count})`, language, text));
          }
        }
      }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('say times and weeks in words of each language ("for 3 minutt sidan", "uke 49, 2026")', () => {
    const now = Date.parse('2026-12-03T12:00:00Z');
    const minute = 60_000;
    const offsets = [-20_000, -minute, -3 * minute, -60 * minute, -5 * 60 * minute, -26 * 60 * minute];
    offsets.push(
      -3 * 24 * 60 * minute,
      -8 * 24 * 60 * minute,
      -40 * 24 * 60 * minute,
      -400 * 24 * 60 * minute,
    );
    offsets.push(3 * minute, 2 * 24 * 60 * minute);
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      for (const offset of offsets) {
        const text = formatRelative(language, now + offset, now);
        problems.push(...problemsOf(`relative ${offset / 1000} s`, language, text));
      }
      const week = formatIsoWeek(language, '2026-W49');
      problems.push(...problemsOf('dashboard week', language, week));
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(formatRelative('nn', now - 3 * minute, now)).toBe('for 3 minutt sidan');
    expect(formatRelative('nb', now - 3 * minute, now)).toBe('for 3 minutter siden');
    expect(formatRelative('en', now - 3 * minute, now)).toBe('3 minutes ago');
    expect(formatIsoWeek('nb', '2026-W49')).toBe('uke 49, 2026');
    expect(formatIsoWeek('nn', '2026-W49')).toBe('veke 49, 2026');
  });
});

/** Every string a catalogue object holds: nested objects walked, functions called with samples. */
function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    // Catalogue functions take counts and names; numbers read well as both. 1 and 3 give both forms.
    return [1, 3].flatMap((n) => texts((value as (...args: unknown[]) => unknown)(n, n, n), `${path}(${n})`));
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([name, inner]) => texts(inner, `${path}.${name}`));
  return [];
}

/** Every message of a src/i18n message table in one language (each message is {nb, nn, en}). */
function messageTexts(
  table: Record<string, (...args: never[]) => unknown>,
  language: Language,
): [string, string][] {
  return Object.entries(table).flatMap(([name, make]) => {
    // A number that is also a text in each language: messages take counts, names or both.
    const sample = Object.assign(new Number(3), { nb: 'Vann', nn: 'Vatn', en: 'Water' });
    const message = (make as (...args: unknown[]) => unknown)(sample, sample, sample);
    const text = (message as Record<Language, unknown>)[language];
    return typeof text === 'string' ? [[name, text] as [string, string]] : [];
  });
}

describe('the residents’ catalogues and the API’s messages (src/i18n)', () => {
  it('have the same texts in every language', () => {
    const shape = (language: Language) => texts(webText(language), 'web').map(([path]) => path);
    expect(shape('nn')).toEqual(shape('nb'));
    expect(shape('en')).toEqual(shape('nb'));
  });

  it('explain every status and notification choice in every language', () => {
    for (const language of LANGUAGES) {
      const text = webText(language);
      expect(Object.keys(text.statusHelp).sort()).toEqual([...REPORT_STATUSES].sort());
      expect(Object.keys(text.tracking.notifyBy).sort()).toEqual([...NOTIFY_CHANNELS].sort());
      for (const status of REPORT_STATUSES) expect(STATUS_INFO[status].label[language]).toBeTruthy();
    }
  });

  it('render every text without a gap, a raw value or a word from another language', () => {
    const problems: string[] = [];
    for (const language of LANGUAGES) {
      const all: [string, string][] = [
        ...texts(webText(language), 'web'),
        ...REPORT_STATUSES.map((s): [string, string] => [
          `status.${s}`,
          STATUS_INFO[s].label[language] ?? '',
        ]),
        ...messageTexts(apiMessages, language),
        ...messageTexts(staffMessages, language),
        ...messageTexts(inputMessages, language),
      ];
      for (const [where, text] of all) problems.push(...problemsOf(where, language, text));
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
