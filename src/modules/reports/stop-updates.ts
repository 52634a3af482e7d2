import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { reportContacts, reports } from './schema.ts';
import { trackingTokenMatches } from './tracking-token.ts';

/** The reporter, holding the tracking token, stops messages about their report. */
export async function stopUpdates(db: Queryable, ref: string, token: string): Promise<void> {
  const [report] = await db
    .select({ id: reports.id, hash: reports.trackingTokenHash })
    .from(reports)
    .where(eq(reports.ref, ref));
  if (!report) throw new AppError(404, 'report_not_found', messages.reportNotFound(ref));
  if (!trackingTokenMatches(token, report.hash)) {
    throw new AppError(403, 'tracking_token_invalid', messages.trackingTokenInvalid());
  }
  await db.update(reportContacts).set({ notify: 'none' }).where(eq(reportContacts.reportId, report.id));
}
