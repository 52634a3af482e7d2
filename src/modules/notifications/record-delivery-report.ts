// The SMS gateway tells us what became of a message it accepted. Providers name the outcome in
// their own words; these cover the usual ones (SMPP's DELIVRD/UNDELIV/EXPIRED/REJECTD included).
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { isUuid } from '../../shared/text.ts';
import { messages } from './schema.ts';

const DELIVERED = new Set(['delivered', 'delivrd', 'ok', 'success']);
const FAILED = new Set([
  'failed',
  'undelivered',
  'undeliv',
  'expired',
  'rejected',
  'rejectd',
  'error',
  'deleted',
]);

export interface DeliveryReport {
  /** The gateway's id for the message (as it answered the send). */
  id?: string | undefined;
  /** Our message id, sent as `reference`. */
  reference?: string | undefined;
  status: string;
  error?: string | undefined;
}

/** Returns 'unknown' for a status word it does not know, and whether a message matched. */
export async function recordDeliveryReport(
  db: Queryable,
  report: DeliveryReport,
): Promise<{ outcome: 'delivered' | 'failed' | 'unknown'; matched: boolean }> {
  const word = report.status.trim().toLowerCase();
  const outcome = DELIVERED.has(word) ? 'delivered' : FAILED.has(word) ? 'failed' : 'unknown';
  if (outcome === 'unknown') return { outcome, matched: false };
  const byReference = report.reference && isUuid(report.reference) ? report.reference : null;
  const byId = report.id ?? null;
  if (!byReference && !byId) return { outcome, matched: false };
  const which = sql.join(
    [
      ...(byReference ? [sql`${messages.id} = ${byReference}::uuid`] : []),
      ...(byId ? [sql`${messages.providerId} = ${byId}`] : []),
    ],
    sql` or `,
  );
  // A report may arrive before our own "sent" update commits: queued counts as sent here.
  const changes =
    outcome === 'delivered'
      ? sql`status = 'delivered', delivered_at = now()`
      : sql`status = 'failed', failed_at = now(), last_error = ${`Delivery failed: ${report.error ?? word}`.slice(0, 1000)}`;
  const result = (await db.execute(
    sql`update messages set ${changes} where channel = 'sms' and status in ('queued', 'sent') and (${which}) returning id`,
  )) as unknown as { rows: unknown[] };
  return { outcome, matched: result.rows.length > 0 };
}
