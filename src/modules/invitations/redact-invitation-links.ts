// An invitation's link stays in the messages table after it was sent (never shown in the admins'
// outbox). Once the invitation is accepted, withdrawn, replaced or expired the link is worthless,
// and it is blanked out, so a stored message never holds a working credential longer than needed.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { BLANK, blankLinksInMessage, TOKEN } from '../accounts/password-reset-redact.ts';
import { invitationEmailKey } from './invitation-token.ts';

/** Blanks the link of one invitation (on accept, withdraw or send-again). */
export async function redactInvitationLink(db: Queryable, tokenHash: Buffer): Promise<void> {
  await blankLinksInMessage(db, invitationEmailKey(tokenHash));
}

/** Blanks the links of every closed or expired invitation whose email has gone out (hourly). */
export async function redactSpentInvitationLinks(db: Queryable): Promise<void> {
  await db.execute(
    sql`update messages m set body_text = regexp_replace(m.body_text, ${TOKEN}, ${BLANK}, 'g'),
               body_html = regexp_replace(m.body_html, ${TOKEN}, ${BLANK}, 'g')
          from staff_invitations i
         where m.kind = 'staff_invitation' and m.status <> 'queued'
           and m.idempotency_key = 'staff_invitation:' || encode(i.token_hash, 'hex')
           and (i.accepted_at is not null or i.revoked_at is not null or i.expires_at < now())
           and m.body_text ~ ${TOKEN}`,
  );
}
