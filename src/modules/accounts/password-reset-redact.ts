// A reset link stays in the messages table after it was sent (never shown in the admins' outbox).
// Once it is used or expired it is worthless, and it is blanked out, so a stored message never
// holds a working or half-working credential longer than needed. Invitation links are blanked the
// same way (invitations/redact-invitation-links.ts).
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';

export const TOKEN = 'token=[A-Za-z0-9_-]{20,}';
export const BLANK = 'token=(used)';

/** Blanks every token link in the stored message with this idempotency key. */
export async function blankLinksInMessage(db: Queryable, idempotencyKey: string): Promise<void> {
  await db.execute(
    sql`update messages set body_text = regexp_replace(body_text, ${TOKEN}, ${BLANK}, 'g'),
               body_html = regexp_replace(body_html, ${TOKEN}, ${BLANK}, 'g')
         where idempotency_key = ${idempotencyKey}`,
  );
}

/** Blanks the link in the message of one token (on use). */
export async function redactResetLink(db: Queryable, tokenHash: Buffer): Promise<void> {
  await blankLinksInMessage(db, `password_reset:${tokenHash.toString('hex')}`);
}

/** Blanks the links of every used or expired token (hourly). */
export async function redactSpentResetLinks(db: Queryable): Promise<void> {
  await db.execute(
    sql`update messages m set body_text = regexp_replace(m.body_text, ${TOKEN}, ${BLANK}, 'g'),
               body_html = regexp_replace(m.body_html, ${TOKEN}, ${BLANK}, 'g')
          from password_resets pr
         where m.kind = 'password_reset' and m.status <> 'queued'
           and m.idempotency_key = 'password_reset:' || encode(pr.token_hash, 'hex')
           and (pr.used_at is not null or pr.expires_at < now())
           and m.body_text ~ ${TOKEN}`,
  );
}
