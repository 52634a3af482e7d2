// Makes an account a platform operator, or no longer one. Only the operator's command line calls
// this (there is no HTTP route): a platform operator may change any account's name, address,
// language and activity (account-policy.ts), so no administrator of a municipality can grant it.
// Written to the audit log of every municipality the account works for.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { recordAccountAudit } from './account-audit.ts';

/** Returns false when no account has the address. */
export async function setPlatformOperator(db: Database, email: string, on: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [account] = await queryRows<{ id: string; was: boolean }>(
      tx,
      sql`update staff_users u set platform_operator = ${on}, updated_at = now()
           from (select id, platform_operator as was from staff_users
                  where email = ${email.trim().toLowerCase()} for update) old
          where u.id = old.id
          returning u.id, old.was`,
    );
    if (!account) return false;
    if (account.was !== on) {
      await recordAccountAudit(tx, account.id, {
        actorId: null,
        action: on ? 'user.platform_operator_granted' : 'user.platform_operator_revoked',
        entityType: 'staff_user',
        entityId: account.id,
        before: { platformOperator: account.was },
        after: { platformOperator: on },
      });
    }
    return true;
  });
}
