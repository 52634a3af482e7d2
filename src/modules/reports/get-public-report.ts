import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { presentPhotos } from '../photos/photo-urls.ts';
import { listReportPhotos } from '../photos/queries.ts';
import { type PublicReport, presentReport } from './present-report.ts';
import { findContact, findPublicReport, listPublicEvents } from './queries.ts';
import type { NotifyChannel } from './statuses.ts';
import { trackingTokenMatches } from './tracking-token.ts';

export interface ReporterView {
  name: string | null;
  email: string | null;
  phone: string | null;
  notify: NotifyChannel;
  language: string;
}

/**
 * The public view of one report. With the reporter's tracking token it also shows the reporter
 * their own contact choices; with a wrong token it refuses rather than silently showing less.
 */
export async function getPublicReport(
  db: Queryable,
  ref: string,
  asked: Language | undefined,
  trackingToken?: string,
): Promise<PublicReport & { reporter?: ReporterView | null }> {
  const row = await findPublicReport(db, ref);
  if (!row) throw new AppError(404, 'report_not_found', messages.reportNotFound(ref));
  if (trackingToken !== undefined && !trackingTokenMatches(trackingToken, row.trackingTokenHash)) {
    throw new AppError(403, 'tracking_token_invalid', messages.trackingTokenInvalid());
  }
  const language = asked ?? row.defaultLanguage;
  // Photos can show as much as a description: where that is private, only the reporter sees them.
  const photosVisible = row.publicDescription || trackingToken !== undefined;
  const [events, photos] = await Promise.all([
    listPublicEvents(db, row.id),
    photosVisible ? listReportPhotos(db, row.id) : [],
  ]);
  const photoToken = row.publicDescription ? undefined : trackingToken;
  // The token was checked above: with it, the reporter sees their own place in full.
  const who = trackingToken === undefined ? 'public' : 'reporter';
  const report = presentReport(row, events, language, presentPhotos(photos, photoToken), who);
  if (trackingToken === undefined) return report;
  const contact = await findContact(db, row.id);
  return {
    ...report,
    reporter: contact
      ? {
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          notify: contact.notify,
          language: contact.language,
        }
      : null,
  };
}
