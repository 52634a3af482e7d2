// Message templates as the admin page lists them: every kind × channel × language with the
// built-in text and the municipality's own wording when it has one. Also the facts the sample
// values are made from (the municipality and its first category).
import { and, eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { LANGUAGES, type Language, type LocalizedText } from '../../shared/language.ts';
import { municipalities } from '../tenants/schema.ts';
import { DEFAULT_TEMPLATES, MESSAGE_KINDS, type MessageKind } from './default-templates.ts';
import { allowedPlaceholders, type SampleFacts } from './message-template-rules.ts';
import { type MessageChannel, messageTemplates } from './schema.ts';

export const TEMPLATE_CHANNELS: readonly MessageChannel[] = ['email', 'sms'];

export interface TemplateOverrideRow {
  subject: string | null;
  body: string;
  updatedAt: Date;
}

export interface MessageTemplateEntry {
  kind: MessageKind;
  channel: MessageChannel;
  language: Language;
  placeholders: string[];
  default: { subject: string | null; body: string };
  override: { subject: string | null; body: string; updatedAt: string } | null;
}

export function presentEntry(
  kind: MessageKind,
  channel: MessageChannel,
  language: Language,
  override: TemplateOverrideRow | undefined,
): MessageTemplateEntry {
  const builtIn = DEFAULT_TEMPLATES[language][kind][channel];
  return {
    kind,
    channel,
    language,
    placeholders: allowedPlaceholders(kind, channel),
    default: { subject: builtIn.subject, body: builtIn.body },
    override: override
      ? {
          subject: override.subject,
          body: override.body,
          updatedAt: new Date(override.updatedAt).toISOString(),
        }
      : null,
  };
}

export async function listMessageTemplates(
  db: Queryable,
  kommunenummer: string,
): Promise<MessageTemplateEntry[]> {
  const rows = await db
    .select()
    .from(messageTemplates)
    .where(eq(messageTemplates.kommunenummer, kommunenummer));
  const own = new Map(rows.map((r) => [`${r.kind}:${r.channel}:${r.language}`, r]));
  return MESSAGE_KINDS.flatMap((kind) =>
    TEMPLATE_CHANNELS.flatMap((channel) =>
      LANGUAGES.map((language) =>
        presentEntry(kind, channel, language, own.get(`${kind}:${channel}:${language}`)),
      ),
    ),
  );
}

export async function findOverride(
  db: Queryable,
  kommunenummer: string,
  key: { kind: MessageKind; channel: MessageChannel; language: Language },
): Promise<TemplateOverrideRow | undefined> {
  const [row] = await db
    .select({
      subject: messageTemplates.subject,
      body: messageTemplates.body,
      updatedAt: messageTemplates.updatedAt,
    })
    .from(messageTemplates)
    .where(
      and(
        eq(messageTemplates.kommunenummer, kommunenummer),
        eq(messageTemplates.kind, key.kind),
        eq(messageTemplates.channel, key.channel),
        eq(messageTemplates.language, key.language),
      ),
    );
  return row;
}

export async function loadSampleFacts(
  db: Queryable,
  kommunenummer: string,
  context: { publicUrl: string; secret: Buffer },
): Promise<SampleFacts> {
  const [municipality] = await db
    .select()
    .from(municipalities)
    .where(eq(municipalities.kommunenummer, kommunenummer));
  const [category] = await queryRows<{ name: LocalizedText }>(
    db,
    sql`select c.name from categories c join category_groups g on g.id = c.group_id
         where c.kommunenummer = ${kommunenummer} and c.active
         order by g.sort_order, c.sort_order, c.code limit 1`,
  );
  return {
    kommunenummer,
    municipalityName: municipality?.name ?? kommunenummer,
    slug: municipality?.slug ?? kommunenummer,
    defaultLanguage: municipality?.defaultLanguage ?? 'nb',
    categoryName: category?.name ?? { nb: 'Vannlekkasje', nn: 'Vasslekkasje', en: 'Water leak' },
    publicUrl: context.publicUrl,
    secret: context.secret,
  };
}
