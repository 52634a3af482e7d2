// The stop link in a message: stops that report's messages to that address (the reporter's
// notify becomes 'none'; a follower's row is removed), or with scope=all, stops every email to
// the address. A notice subscriber's message unsubscribes that subscriber (subscriptions/
// unsubscribe.ts). Reading the page changes nothing; only the POST does (mail scanners follow links).
import { eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { Language } from '../../shared/language.ts';
import { unsubscribe } from '../subscriptions/unsubscribe.ts';
import type { Municipality } from '../tenants/queries.ts';
import { municipalities } from '../tenants/schema.ts';
import type { MessageChannel } from './schema.ts';

export interface StopTarget {
  messageId: string;
  channel: MessageChannel;
  recipient: string;
  reportId: string | null;
  reportRef: string | null;
  /** A notice subscriber's message: stopping ends that subscription. */
  subscriberId: string | null;
  municipality: Municipality;
}

/** The message a valid token names, with what the confirmation page shows. */
export async function findStopTarget(db: Queryable, messageId: string): Promise<StopTarget | undefined> {
  const [row] = await queryRows<{
    channel: MessageChannel;
    recipient: string;
    report_id: string | null;
    ref: string | null;
    subscriber_id: string | null;
    kommunenummer: string;
  }>(
    db,
    sql`select m.channel, m.recipient, m.report_id, r.ref, m.subscriber_id, m.kommunenummer
          from messages m left join reports r on r.id = m.report_id where m.id = ${messageId}::uuid`,
  );
  if (!row) return undefined;
  const [municipality] = await db
    .select()
    .from(municipalities)
    .where(eq(municipalities.kommunenummer, row.kommunenummer));
  if (!municipality) return undefined;
  return {
    messageId,
    channel: row.channel,
    recipient: row.recipient,
    reportId: row.report_id,
    reportRef: row.ref,
    subscriberId: row.subscriber_id,
    municipality,
  };
}

export async function stopByLink(db: Queryable, target: StopTarget, scope: 'report' | 'all'): Promise<void> {
  if (scope === 'all' && target.channel === 'email') {
    await db.execute(
      sql`insert into email_unsubscribes (email) values (${target.recipient.toLowerCase()}) on conflict do nothing`,
    );
  }
  if (target.subscriberId) await unsubscribe(db, target.subscriberId);
  if (!target.reportId) return;
  // A merged report's people now follow the report it was merged into: stop that one too.
  const reports = sql`(select ${target.reportId}::uuid union select merged_into_id from reports where id = ${target.reportId}::uuid)`;
  const column = target.channel === 'email' ? sql.raw('email') : sql.raw('phone');
  await db.execute(
    sql`update report_contacts set notify = 'none'
         where report_id in ${reports} and lower(${column}) = lower(${target.recipient})`,
  );
  await db.execute(
    sql`delete from report_followers where report_id in ${reports} and lower(${column}) = lower(${target.recipient})`,
  );
}

export function pageLanguage(asked: unknown, municipality: Municipality): Language {
  return asked === 'nb' || asked === 'nn' || asked === 'en' ? asked : municipality.defaultLanguage;
}
