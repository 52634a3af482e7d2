// Invitations as the inviting municipality's administrators see them: the open ones (not yet
// accepted or withdrawn), expired ones included so they can be sent again.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffRole } from '../accounts/roles.ts';

export interface InvitationView {
  id: string;
  email: string;
  name: string;
  language: Language;
  roles: StaffRole[];
  teams: { id: string; name: string }[];
  createdAt: string;
  expiresAt: string;
  status: 'pending' | 'expired';
}

interface Row extends Omit<InvitationView, 'createdAt' | 'expiresAt'> {
  created_at: Date | string;
  expires_at: Date | string;
}

function openInvitations(kommunenummer: string, id: string | null) {
  return sql`select i.id, i.email, i.name, i.language, to_json(i.roles) as roles,
      coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name)
        from teams t where t.id = any(i.team_ids) and t.kommunenummer = i.kommunenummer), '[]'::json) as teams,
      i.created_at, i.expires_at,
      case when i.expires_at > now() then 'pending' else 'expired' end as status
    from staff_invitations i
    where i.kommunenummer = ${kommunenummer} and i.accepted_at is null and i.revoked_at is null
      ${id ? sql`and i.id = ${id}::uuid` : sql``}
    order by i.created_at desc, i.id`;
}

function present(row: Row): InvitationView {
  const { created_at, expires_at, ...rest } = row;
  return {
    ...rest,
    createdAt: new Date(created_at).toISOString(),
    expiresAt: new Date(expires_at).toISOString(),
  };
}

export async function listInvitations(db: Queryable, kommunenummer: string): Promise<InvitationView[]> {
  return (await queryRows<Row>(db, openInvitations(kommunenummer, null))).map(present);
}

/** One open invitation of the municipality; undefined when accepted, withdrawn or another's. */
export async function findInvitation(
  db: Queryable,
  kommunenummer: string,
  id: string,
): Promise<InvitationView | undefined> {
  const [row] = await queryRows<Row>(db, openInvitations(kommunenummer, id));
  return row ? present(row) : undefined;
}
