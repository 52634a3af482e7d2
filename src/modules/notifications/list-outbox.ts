// The admin's view of what was (or would have been) sent: every message of the municipality,
// newest first, optionally one status only (outbox in demo mode, failed for the failed list).
// The cursor is the last row's (created_at, id), so paging stays stable while messages arrive.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { isTimestamp } from '../../shared/dates.ts';
import { isUuid } from '../../shared/text.ts';
import type { MessageChannel, MessageStatus } from './schema.ts';

export interface OutboxRow {
  id: string;
  kind: string;
  channel: MessageChannel;
  recipient: string;
  language: string;
  subject: string | null;
  body_text: string;
  body_html: string | null;
  status: MessageStatus;
  attempts: number;
  last_error: string | null;
  report_id: string | null;
  report_ref: string | null;
  created_at: string;
  send_after: string;
  sent_at: string | null;
  delivered_at: string | null;
  failed_at: string | null;
}

function encodeCursor(row: OutboxRow): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url');
}

/**
 * Every field checked as PostgreSQL will cast it (`::timestamptz`, `::uuid`): `Date.parse` and a
 * loose id pattern let through values the casts refuse, which came back as a 500.
 */
function decodeCursor(cursor: string): { createdAt: string; id: string } | undefined {
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!createdAt || !id || !isTimestamp(createdAt) || !isUuid(id)) return undefined;
  return { createdAt, id };
}

const iso = (column: string) =>
  sql.raw(`to_char(m.${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as ${column}`);

const PASSWORD_RESET_HIDDEN =
  '(Lenken for nytt passord vises ikke her. / The password reset link is not shown here.)';
const INVITATION_HIDDEN =
  '(Invitasjonslenken vises ikke her: bare den inviterte skal kunne bruke den. / The invitation link is not shown here: only the invited person may use it.)';

export async function listOutbox(
  db: Queryable,
  kommunenummer: string,
  query: { status?: MessageStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<{ messages: OutboxRow[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await queryRows<OutboxRow>(
    db,
    // A password-reset link would let an administrator log in as a colleague (also in other
    // municipalities), and an invitation's link would let them accept it for the invited person
    // (or create the account with a password of their choice): their text is never shown here,
    // only that they were sent.
    sql`select m.id, m.kind, m.channel, m.recipient, m.language, m.subject,
               case m.kind when 'password_reset' then ${PASSWORD_RESET_HIDDEN}
                 when 'staff_invitation' then ${INVITATION_HIDDEN} else m.body_text end as body_text,
               case when m.kind in ('password_reset', 'staff_invitation') then null else m.body_html end as body_html,
               m.status, m.attempts, m.last_error, m.report_id, r.ref as report_ref,
               ${iso('created_at')}, ${iso('send_after')}, ${iso('sent_at')}, ${iso('delivered_at')}, ${iso('failed_at')}
          from messages m left join reports r on r.id = m.report_id
         where m.kommunenummer = ${kommunenummer}
           ${query.status ? sql`and m.status = ${query.status}` : sql``}
           ${after ? sql`and (m.created_at, m.id) < (${after.createdAt}::timestamptz, ${after.id}::uuid)` : sql``}
         order by m.created_at desc, m.id desc
         limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { messages: page, nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null };
}
