// The embedded demo gets one staff account per role, so anyone trying Meldepunkt can log in to
// the back office at once. Their passwords are printed at start-up; only the embedded demo does
// this, never a server installation (see assemble.ts and startup/seed-demo.ts). Given the passwords kept from the last
// start (demo-password-file.ts), an account whose stored hash is still the one kept keeps its
// password and costs no hashing; the others get a new password, hashed in parallel.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { createStaffUser } from './create-staff-user.ts';
import type { KeptDemoPasswords } from './demo-password-file.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { STAFF_ROLES, type StaffRole } from './roles.ts';

export interface DemoAccount {
  role: StaffRole;
  email: string;
  password: string;
}

export interface DemoStaffResult {
  accounts: DemoAccount[];
  /** How many passwords were hashed (0 on a restart that kept them all). */
  hashed: number;
  /** What to keep for the next start: every account's password and stored hash. */
  kept: KeptDemoPasswords;
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
  kept: KeptDemoPasswords = new Map(),
): Promise<DemoStaffResult> {
  const emails = STAFF_ROLES.map((role) => `${role}@${domain}`);
  const existing = await queryRows<{ email: string; password_hash: string | null; active: boolean }>(
    db,
    sql`select email, password_hash, active from staff_users
      where email in (${sql.join(
        emails.map((email) => sql`${email}`),
        sql`, `,
      )})`,
  );
  const stored = new Map(existing.map((row) => [row.email, row]));
  const reusable = (email: string) => {
    const row = stored.get(email);
    const entry = kept.get(email);
    return row?.active && entry && row.password_hash === entry.passwordHash ? entry : undefined;
  };
  // Hashing runs on libuv's thread pool: the accounts that need it are hashed at the same time.
  const fresh = await Promise.all(
    emails.map(async (email) => {
      if (reusable(email)) return undefined;
      const password = generatePassword();
      return { password, passwordHash: await hashPassword(password) };
    }),
  );

  const teamIds = (
    await queryRows<{ id: string }>(
      db,
      sql`select id from teams where kommunenummer = ${kommunenummer} order by code`,
    )
  ).map((t) => t.id);
  const accounts: DemoAccount[] = [];
  const next: KeptDemoPasswords = new Map();
  for (const [i, role] of STAFF_ROLES.entries()) {
    const email = emails[i] ?? '';
    const made = fresh[i];
    const entry = made ?? reusable(email);
    if (!entry) throw new Error('demo account without a password');
    if (made) {
      if (!stored.has(email)) {
        await createStaffUser(db, {
          email,
          name: NAMES[role],
          roles: [{ kommunenummer, role }],
          // Case handlers and field workers belong to the demo's teams, so "my team" filters show something.
          teamIds: role === 'saksbehandler' || role === 'feltarbeider' ? teamIds : [],
        });
      }
      await db.execute(
        sql`update staff_users set password_hash = ${made.passwordHash}, active = true, updated_at = now()
          where email = ${email}`,
      );
    }
    accounts.push({ role, email, password: entry.password });
    next.set(email, entry);
  }
  return { accounts, hashed: fresh.filter(Boolean).length, kept: next };
}
