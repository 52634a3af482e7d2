// Creates a staff account with its roles and team memberships in one transaction. Used by the
// admin pages, the demo seed and tests.
import type { Database } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import { hashPassword } from './passwords.ts';
import type { StaffRole } from './roles.ts';
import { staffRoles, staffUsers, teamMembers } from './schema.ts';

export interface NewStaffUser {
  email: string;
  name: string;
  language?: Language;
  /** Omitted for accounts that log in only through the municipality's identity provider. */
  password?: string;
  roles: { kommunenummer: string; role: StaffRole }[];
  teamIds?: string[];
}

export async function createStaffUser(db: Database, input: NewStaffUser): Promise<string> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(staffUsers)
      .values({
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        language: input.language ?? 'nb',
        passwordHash,
      })
      .returning({ id: staffUsers.id });
    if (!user) throw new Error('staff user not created');
    if (input.roles.length > 0) {
      await tx.insert(staffRoles).values(input.roles.map((r) => ({ userId: user.id, ...r })));
    }
    if (input.teamIds && input.teamIds.length > 0) {
      await tx.insert(teamMembers).values(input.teamIds.map((teamId) => ({ teamId, userId: user.id })));
    }
    return user.id;
  });
}
