// Ends a subscription: the row stays (a notice's history of whom it reached still adds up) but
// everything personal goes. The point is kept, rounded to 3 decimals (about 100 m), because the
// columns cannot be empty and without the address it no longer points at one home.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

/** True when it was live until now. */
export async function unsubscribe(db: Queryable, subscriberId: string): Promise<boolean> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`update subscribers
           set unsubscribed_at = now(), updated_at = now(), email = null, phone = null, address = null,
               contact_name = null, vulnerable_note = null, vulnerable = false,
               confirm_token_hash = null, sms_code_hash = null, confirm_expires_at = null,
               lat = round(lat::numeric, 3)::double precision, lon = round(lon::numeric, 3)::double precision
         where id = ${subscriberId}::uuid and unsubscribed_at is null
     returning id`,
  );
  return rows.length > 0;
}
