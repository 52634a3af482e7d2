// The report a page of a municipality's site is about: found by its reference, and only when it
// belongs to that municipality (another municipality's reference is a 404 here, as an unknown one).
import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import { findPublicReport, type PublicReportRow } from '../reports/queries.ts';

const REF = /^\d{4}-\d{4}-\d{5,}$/;

export async function findSiteReport(
  db: Queryable,
  kommunenummer: string,
  ref: string,
): Promise<NonNullable<PublicReportRow>> {
  if (!REF.test(ref)) throw new AppError(404, 'report_not_found', messages.reportNotFound(ref));
  const row = await findPublicReport(db, ref);
  if (!row || row.kommunenummer !== kommunenummer)
    throw new AppError(404, 'report_not_found', messages.reportNotFound(ref));
  return row;
}
