// A municipality's notice templates: seeded from the defaults when the municipality is made, edited
// by those who publish, and used to start a notice with its placeholders filled.
import { and, eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import { LANGUAGES, type Language, type LocalizedText } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { cleanText } from './check-notice.ts';
import { DEFAULT_NOTICE_TEMPLATES } from './default-notice-templates.ts';
import { NOTICE_TYPES, type NoticeType, noticeTemplates } from './schema.ts';

export interface NoticeTemplate {
  type: NoticeType;
  title: LocalizedText;
  body: LocalizedText;
  /** False while the municipality still has the shipped wording. */
  edited: boolean;
  updatedAt: string | null;
}

/** Adds the default template of every type the municipality lacks; never overwrites an edit. */
export async function seedNoticeTemplates(db: Queryable, kommunenummer: string): Promise<number> {
  const rows = await db
    .insert(noticeTemplates)
    .values(
      NOTICE_TYPES.map((type) => ({
        kommunenummer,
        type,
        title: DEFAULT_NOTICE_TEMPLATES[type].title,
        body: DEFAULT_NOTICE_TEMPLATES[type].body,
      })),
    )
    .onConflictDoNothing()
    .returning({ type: noticeTemplates.type });
  return rows.length;
}

/**
 * Every type, in NOTICE_TYPES order. A municipality made before templates existed has no rows;
 * it reads the defaults rather than nothing, and gets a row on its first edit.
 */
export async function listNoticeTemplates(db: Queryable, kommunenummer: string): Promise<NoticeTemplate[]> {
  const rows = await db
    .select()
    .from(noticeTemplates)
    .where(eq(noticeTemplates.kommunenummer, kommunenummer));
  const byType = new Map(rows.map((row) => [row.type, row]));
  return NOTICE_TYPES.map((type) => {
    const row = byType.get(type);
    return row
      ? {
          type,
          title: row.title,
          body: row.body,
          edited: row.updatedBy !== null,
          updatedAt: row.updatedAt.toISOString(),
        }
      : { type, ...DEFAULT_NOTICE_TEMPLATES[type], edited: false, updatedAt: null };
  });
}

export async function noticeTemplate(
  db: Queryable,
  kommunenummer: string,
  type: NoticeType,
): Promise<NoticeTemplate> {
  const all = await listNoticeTemplates(db, kommunenummer);
  const found = all.find((t) => t.type === type);
  if (!found) throw new Error(`no notice template for ${type}`);
  return found;
}

export async function saveNoticeTemplate(
  db: Database,
  actorId: string,
  kommunenummer: string,
  type: NoticeType,
  input: { title: LocalizedText; body: LocalizedText },
): Promise<NoticeTemplate> {
  return db.transaction(async (tx) => {
    const before = await noticeTemplate(tx, kommunenummer, type);
    const title = cleanText(input.title);
    const body = cleanText(input.body);
    const now = new Date();
    await tx
      .insert(noticeTemplates)
      .values({ kommunenummer, type, title, body, updatedBy: actorId, updatedAt: now })
      .onConflictDoUpdate({
        target: [noticeTemplates.kommunenummer, noticeTemplates.type],
        set: { title, body, updatedBy: actorId, updatedAt: now },
      });
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'notice_template.updated',
      entityType: 'notice_template',
      entityId: `${kommunenummer}:${type}`,
      before: { title: before.title, body: before.body },
      after: { title, body },
    });
    const [row] = await tx
      .select()
      .from(noticeTemplates)
      .where(and(eq(noticeTemplates.kommunenummer, kommunenummer), eq(noticeTemplates.type, type)));
    if (!row) throw new Error('notice template not saved');
    return { type, title: row.title, body: row.body, edited: true, updatedAt: row.updatedAt.toISOString() };
  });
}

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const UNTIL_FURTHER_NOTICE: Record<Language, string> = {
  nb: 'inntil videre',
  nn: 'inntil vidare',
  en: 'until further notice',
};

/** Norwegian wall-clock time whatever the server's zone: residents read it as local time. */
export function noticeTime(at: Date | null, language: Language): string {
  if (!at) return UNTIL_FURTHER_NOTICE[language];
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: 'Europe/Oslo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
}

export interface TemplateValues {
  area: string;
  startsAt: Date;
  expectedEndAt: Date | null;
}

/** Fills {area} {start} {end} in each language the template has; unknown braces stay as written. */
export function fillNoticeTemplate(text: LocalizedText, values: TemplateValues): LocalizedText {
  const result: LocalizedText = { nb: '' };
  for (const language of LANGUAGES) {
    const source = text[language];
    if (source === undefined) continue;
    const filled: Record<string, string> = {
      area: values.area,
      start: noticeTime(values.startsAt, language),
      end: noticeTime(values.expectedEndAt, language),
    };
    result[language] = source.replace(/\{(area|start|end)\}/g, (_, name: string) => filled[name] ?? '');
  }
  return result;
}
