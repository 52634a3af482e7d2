// "My account": what the logged-in holder sees of their own account, and what this session lets
// them do with it.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffPrincipal } from './principal.ts';

export interface OwnAccount {
  id: string;
  email: string;
  name: string;
  language: Language;
  hasPassword: boolean;
  oidcLinked: boolean;
  /** The municipality whose login the session came through; null after a password login. */
  sessionScope: string | null;
  /** Name, language: only in a session that covers every municipality of the account. */
  canChangeAccount: boolean;
  /** Linking to a municipality's login, or removing the link: only in a password session. */
  canLink: boolean;
  memberships: { kommunenummer: string; name: string }[];
  /** The enabled logins of this session's municipalities, to link the account to. */
  providers: { kommunenummer: string; name: string }[];
}

export async function getOwnAccount(db: Queryable, principal: StaffPrincipal): Promise<OwnAccount> {
  const [row] = await queryRows<{ has_password: boolean; oidc_linked: boolean }>(
    db,
    sql`select password_hash is not null as has_password, oidc_subject is not null as oidc_linked
          from staff_users where id = ${principal.userId}::uuid`,
  );
  const mine = principal.memberships.map((m) => m.kommunenummer);
  const providers =
    mine.length === 0
      ? []
      : await queryRows<{ kommunenummer: string; name: string }>(
          db,
          sql`select kommunenummer, label as name from oidc_providers
               where enabled and kommunenummer in ${mine} order by label`,
        );
  return {
    id: principal.userId,
    email: principal.email,
    name: principal.name,
    language: principal.language,
    hasPassword: row?.has_password ?? false,
    oidcLinked: row?.oidc_linked ?? false,
    sessionScope: principal.scope,
    canChangeAccount: principal.coversAccount,
    canLink: principal.scope === null,
    memberships: principal.memberships.map((m) => ({ kommunenummer: m.kommunenummer, name: m.name })),
    providers,
  };
}
