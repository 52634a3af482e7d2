// Saves a municipality's own wording of one message (kind × channel × language), or with an
// empty body removes it so the built-in text applies again. Refused with the reasons when it
// uses a placeholder the message has no value for, or an SMS would be longer than two texts.
// Every change is audited with the text before and after.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { DEFAULT_TEMPLATES, type MessageKind } from './default-templates.ts';
import { messageTemplateMessages } from './message-template-messages.ts';
import { findOverride, type MessageTemplateEntry, presentEntry } from './message-template-queries.ts';
import { type SampleFacts, templateProblems } from './message-template-rules.ts';
import { type MessageChannel, messageTemplates } from './schema.ts';

export interface TemplateKey {
  kind: MessageKind;
  channel: MessageChannel;
  language: Language;
}

export async function saveMessageTemplate(
  db: Database,
  actorId: string,
  facts: SampleFacts,
  key: TemplateKey,
  input: { subject?: string | null | undefined; body: string },
): Promise<MessageTemplateEntry> {
  const { kommunenummer } = facts;
  const body = input.body.replace(/\r\n/g, '\n').trim();
  // SMS has no subject; an empty email subject means the built-in one.
  const subject = key.channel === 'sms' ? null : input.subject?.trim() || null;
  if (body !== '') {
    const builtIn = DEFAULT_TEMPLATES[key.language][key.kind][key.channel];
    const problems = templateProblems(
      facts,
      { subject: subject ?? builtIn.subject, body },
      key.kind,
      key.channel,
      key.language,
    );
    if (problems.length > 0)
      throw new AppError(400, 'invalid_template', messageTemplateMessages.invalid(), problems);
  }
  return db.transaction(async (tx) => {
    const before = await findOverride(tx, kommunenummer, key);
    const where = and(
      eq(messageTemplates.kommunenummer, kommunenummer),
      eq(messageTemplates.kind, key.kind),
      eq(messageTemplates.channel, key.channel),
      eq(messageTemplates.language, key.language),
    );
    const entityId = `${key.kind}:${key.channel}:${key.language}`;
    if (body === '') {
      if (!before) return presentEntry(key.kind, key.channel, key.language, undefined);
      await tx.delete(messageTemplates).where(where);
      await recordAudit(tx, {
        kommunenummer,
        actorId,
        action: 'message_template.reset',
        entityType: 'message_template',
        entityId,
        before: { subject: before.subject, body: before.body },
        after: null,
      });
      return presentEntry(key.kind, key.channel, key.language, undefined);
    }
    const [row] = await tx
      .insert(messageTemplates)
      .values({ kommunenummer, ...key, subject, body })
      .onConflictDoUpdate({
        target: [
          messageTemplates.kommunenummer,
          messageTemplates.kind,
          messageTemplates.channel,
          messageTemplates.language,
        ],
        set: { subject, body, updatedAt: new Date() },
      })
      .returning({
        subject: messageTemplates.subject,
        body: messageTemplates.body,
        updatedAt: messageTemplates.updatedAt,
      });
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'message_template.updated',
      entityType: 'message_template',
      entityId,
      before: before ? { subject: before.subject, body: before.body } : null,
      after: { subject, body },
    });
    return presentEntry(key.kind, key.channel, key.language, row);
  });
}
