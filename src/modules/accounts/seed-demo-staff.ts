// The embedded demo gets one staff account per role, so anyone trying Meldepunkt can log in to
// the back office at once. Their passwords are new at every start and printed then; only the
// embedded demo does this, never a server installation (see assemble.ts).
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { createStaffUser } from './create-staff-user.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { STAFF_ROLES, type StaffRole } from './roles.ts';

export interface DemoAccount {
  role: StaffRole;
  email: string;
  password: string;
}

const NAMES: Record<StaffRole, string> = {
  admin: 'Ada Administrator',
  saksbehandler: 'Sara Saksbehandler',
  servicekontor: 'Siri Servicekontor',
  feltarbeider: 'Frode Feltarbeider',
  leser: 'Lars Leser',
};

export async function seedDemoStaff(
  db: Database,
  kommunenummer: string,
  domain: string,
): Promise<DemoAccount[]> {
  const teams = await queryRows<{ id: string }>(
    db,
    sql`select id from teams where kommunenummer = ${kommunenummer} order by code`,
  );
  const teamIds = teams.map((t) => t.id);
  const accounts: DemoAccount[] = [];
  for (const role of STAFF_ROLES) {
    const email = `${role}@${domain}`;
    const password = generatePassword();
    const updated = await queryRows<{ id: string }>(
      db,
      sql`update staff_users set password_hash = ${await hashPassword(password)}, active = true, updated_at = now()
        where email = ${email} returning id`,
    );
    if (updated.length === 0) {
      await createStaffUser(db, {
        email,
        name: NAMES[role],
        password,
        roles: [{ kommunenummer, role }],
        // Case handlers and field workers belong to the demo's teams, so "my team" filters show something.
        teamIds: role === 'saksbehandler' || role === 'feltarbeider' ? teamIds : [],
      });
    }
    accounts.push({ role, email, password });
  }
  return accounts;
}
