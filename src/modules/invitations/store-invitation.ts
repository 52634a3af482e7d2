// Stores an invitation and its email in the caller's transaction: the row with the token's hash,
// and the email with the link through the messages table, to the invited address only (never
// shown in the admins' outbox). Shared by a new invitation and "send again".
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { type Database, type Queryable, queryRows } from '../../db/client.ts';
import { webText } from '../../i18n/web.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffRole } from '../accounts/roles.ts';
import { staffEmailBody, storeStaffEmails } from '../notifications/staff-message-store.ts';
import { INVITATION_EMAIL, roleNames } from './invitation-messages.ts';
import {
  INVITATION_TTL,
  invitationEmailKey,
  invitationLink,
  newInvitationToken,
} from './invitation-token.ts';

export interface InvitationDeps {
  db: Database;
  boss: PgBoss;
  /** Without an SMTP server the email waits in the outbox (with its link hidden there). */
  emailConfigured: boolean;
  publicUrl: string;
}

export interface InvitationData {
  kommunenummer: string;
  email: string;
  name: string;
  language: Language;
  roles: StaffRole[];
  teamIds: string[];
  invitedBy: string | null;
}

export interface StoredInvitation {
  invitationId: string;
  token: string;
  link: string;
}

/** An array literal with one parameter per element (an empty one is fine with the cast). */
export function sqlArray(values: readonly string[]) {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]`;
}

export async function storeInvitation(
  tx: Queryable,
  deps: InvitationDeps,
  data: InvitationData,
): Promise<StoredInvitation> {
  const { token, tokenHash } = newInvitationToken();
  const [row] = await queryRows<{ id: string; municipality: string }>(
    tx,
    sql`insert into staff_invitations
          (kommunenummer, email, name, language, roles, team_ids, token_hash, invited_by, expires_at)
        values (${data.kommunenummer}, ${data.email}, ${data.name}, ${data.language},
          ${sqlArray(data.roles)}::text[], ${sqlArray(data.teamIds)}::uuid[], ${tokenHash},
          ${data.invitedBy}::uuid, now() + ${INVITATION_TTL}::interval)
        returning id, (select name from municipalities where kommunenummer = ${data.kommunenummer}) as municipality`,
  );
  if (!row) throw new Error('invitation not stored');
  const link = invitationLink(deps.publicUrl, token);
  const text = INVITATION_EMAIL[data.language];
  const municipality = webText(data.language).layout.municipality(row.municipality);
  const subject = text.subject(municipality);
  await storeStaffEmails(tx, deps, [
    {
      kommunenummer: data.kommunenummer,
      idempotencyKey: invitationEmailKey(tokenHash),
      kind: 'staff_invitation',
      reportId: null,
      recipient: data.email,
      language: data.language,
      subject,
      ...staffEmailBody(
        data.language,
        subject,
        text.body(data.name, municipality, roleNames(data.language, data.roles), link),
        text.footer,
      ),
    },
  ]);
  return { invitationId: row.id, token, link };
}
