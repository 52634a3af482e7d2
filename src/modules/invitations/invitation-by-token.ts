// Finds the invitation a link's token stands for, and refuses it with the reason a person can act
// on: not valid (404), or expired, already used or withdrawn (410).
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { hashToken } from '../accounts/sessions.ts';
import { invitationMessages } from './invitation-messages.ts';
import { TOKEN_FORMAT } from './invitation-token.ts';

export interface TokenInvitation {
  id: string;
  kommunenummer: string;
  municipalityName: string;
  email: string;
  name: string;
  language: Language;
  roles: StaffRole[];
  teamIds: string[];
  invitedBy: string | null;
  expiresAt: string;
  tokenHash: Buffer;
}

interface Row {
  id: string;
  kommunenummer: string;
  municipality_name: string;
  email: string;
  name: string;
  language: Language;
  roles: StaffRole[];
  team_ids: string[];
  invited_by: string | null;
  expires_at: Date | string;
  accepted: boolean;
  revoked: boolean;
  expired: boolean;
}

/**
 * The open invitation for `token`, or the refusal. With `lock`, the row is locked for the
 * caller's transaction (accepting it).
 */
export async function invitationByToken(
  db: Queryable,
  token: string,
  options: { lock?: boolean } = {},
): Promise<TokenInvitation> {
  if (!TOKEN_FORMAT.test(token)) throw new AppError(404, 'invitation_invalid', invitationMessages.invalid());
  const tokenHash = hashToken(token);
  const [row] = await queryRows<Row>(
    db,
    sql`select i.id, i.kommunenummer, m.name as municipality_name, i.email, i.name, i.language,
          to_json(i.roles) as roles, to_json(i.team_ids) as team_ids, i.invited_by, i.expires_at,
          i.accepted_at is not null as accepted, i.revoked_at is not null as revoked,
          i.expires_at <= now() as expired
        from staff_invitations i join municipalities m on m.kommunenummer = i.kommunenummer
        where i.token_hash = ${tokenHash}
        ${options.lock ? sql`for update of i` : sql``}`,
  );
  if (!row) throw new AppError(404, 'invitation_invalid', invitationMessages.invalid());
  if (row.accepted) throw new AppError(410, 'invitation_used', invitationMessages.used());
  if (row.revoked) throw new AppError(410, 'invitation_revoked', invitationMessages.revoked());
  if (row.expired) throw new AppError(410, 'invitation_expired', invitationMessages.expired());
  return {
    id: row.id,
    kommunenummer: row.kommunenummer,
    municipalityName: row.municipality_name,
    email: row.email,
    name: row.name,
    language: row.language,
    roles: row.roles,
    teamIds: row.team_ids,
    invitedBy: row.invited_by,
    expiresAt: new Date(row.expires_at).toISOString(),
    tokenHash,
  };
}
