// An administrator withdraws an open invitation of their municipality: its link stops working at
// once and is blanked in the stored email. Audited as invitation.revoked.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { invitationMessages } from './invitation-messages.ts';
import { redactInvitationLink } from './redact-invitation-links.ts';

export async function revokeInvitation(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
): Promise<void> {
  const tokenHash = await db.transaction(async (tx) => {
    const [revoked] = await queryRows<{ email: string; token_hash: Buffer | Uint8Array }>(
      tx,
      sql`update staff_invitations set revoked_at = now()
           where id = ${id}::uuid and kommunenummer = ${kommunenummer}
             and accepted_at is null and revoked_at is null
          returning email, token_hash`,
    );
    if (!revoked) throw new AppError(404, 'not_found', invitationMessages.notFound());
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'invitation.revoked',
      entityType: 'staff_invitation',
      entityId: id,
      before: { email: revoked.email },
    });
    return Buffer.from(revoked.token_hash);
  });
  await redactInvitationLink(db, tokenHash);
}
