// TEMPORARY: the first administrator of a municipality the operator added, until the accounts
// module's invitations (createInvitation) are merged; the integrator replaces this file's use in
// src/cli/municipality.ts with createInvitation, which takes the same input.
//
// Creates the account without a password and with the admin role (or gives an existing account
// the role), and makes a one-time link to set a password with the existing password_resets table:
// 32 random bytes, only their SHA-256 stored, valid for 7 days and once.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { resetLink } from '../accounts/password-reset-request.ts';
import { hashToken } from '../accounts/sessions.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { FirstAdminInvitation } from './add-municipality.ts';

export const ADMIN_LINK_TTL_DAYS = 7;

export async function inviteAdminWithResetLink(
  deps: { db: Database; publicUrl: string },
  input: FirstAdminInvitation,
): Promise<{ link: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = await deps.db.transaction(async (tx) => {
    const [existing] = await queryRows<{ id: string }>(
      tx,
      sql`select id from staff_users where email = ${input.email} for update`,
    );
    const [user] = existing
      ? [existing]
      : await queryRows<{ id: string }>(
          tx,
          sql`insert into staff_users (email, name, language, password_hash)
              values (${input.email}, ${input.name}, ${input.language}, null) returning id`,
        );
    if (!user) throw new Error('staff user not created');
    await tx.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${user.id}::uuid, ${input.kommunenummer}, 'admin') on conflict do nothing`);
    const [reset] = await queryRows<{ expires_at: Date | string }>(
      tx,
      sql`insert into password_resets (token_hash, user_id, expires_at)
          values (${hashToken(token)}, ${user.id}::uuid, now() + ${`${ADMIN_LINK_TTL_DAYS} days`}::interval)
          returning expires_at`,
    );
    await recordAudit(tx, {
      kommunenummer: input.kommunenummer,
      actorId: null,
      action: existing ? 'user.added' : 'user.created',
      entityType: 'staff_user',
      entityId: user.id,
      after: { roles: ['admin'], passwordSet: false, invitedByOperator: true },
    });
    return new Date(reset?.expires_at ?? Date.now());
  });
  return { link: resetLink(deps.publicUrl, token), expiresAt };
}
