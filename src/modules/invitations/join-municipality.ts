// What accepting an invitation does to the account, in the caller's transaction: the invited
// roles and teams in the inviting municipality (teams removed since are skipped), and the
// invitation marked as used by this account.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { TokenInvitation } from './invitation-by-token.ts';
import { sqlArray } from './store-invitation.ts';

export async function joinMunicipality(
  tx: Queryable,
  userId: string,
  invitation: TokenInvitation,
): Promise<void> {
  for (const role of invitation.roles) {
    await tx.execute(sql`insert into staff_roles (user_id, kommunenummer, role)
      values (${userId}::uuid, ${invitation.kommunenummer}, ${role}) on conflict do nothing`);
  }
  if (invitation.teamIds.length > 0) {
    await tx.execute(sql`insert into team_members (team_id, user_id)
      select t.id, ${userId}::uuid from teams t
       where t.id = any(${sqlArray(invitation.teamIds)}::uuid[]) and t.kommunenummer = ${invitation.kommunenummer}
      on conflict do nothing`);
  }
  await tx.execute(sql`update staff_invitations set accepted_at = now(), accepted_by = ${userId}::uuid
    where id = ${invitation.id}::uuid`);
}
