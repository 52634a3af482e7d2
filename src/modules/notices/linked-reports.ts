// The reports linked to a notice, for the staff notice page: newest link first.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { OPEN_STATUSES, type ReportStatus } from '../reports/statuses.ts';
import { findNotice } from './notice-queries.ts';

/** More than this is a notice over half the town; the page shows the count and the first ones. */
export const LINKED_REPORTS_LIMIT = 500;

export interface LinkedReport {
  id: string;
  ref: string;
  status: ReportStatus;
  open: boolean;
  category: string;
  address: string | null;
  createdAt: string;
  linkedAt: string;
  automatic: boolean;
}

interface Row {
  id: string;
  ref: string;
  status: ReportStatus;
  merged: boolean;
  category: LocalizedText;
  address: string | null;
  created_at: Date | string;
  linked_at: Date | string;
  automatic: boolean;
}

export function isOpenReport(row: { status: ReportStatus; merged: boolean }): boolean {
  return !row.merged && (OPEN_STATUSES as readonly ReportStatus[]).includes(row.status);
}

export async function listLinkedReports(
  db: Queryable,
  kommunenummer: string,
  noticeId: string,
  language: Language,
): Promise<{ total: number; open: number; reports: LinkedReport[] }> {
  await findNotice(db, kommunenummer, noticeId);
  const rows = await queryRows<Row>(
    db,
    sql`select r.id, r.ref, r.status, r.merged_into_id is not null as merged, c.name as category,
               r.address, r.created_at, l.linked_at, l.linked_by is null as automatic
          from notice_report_links l
          join reports r on r.id = l.report_id and r.kommunenummer = ${kommunenummer}
          join categories c on c.id = r.category_id
         where l.notice_id = ${noticeId}
         order by l.linked_at desc, r.id
         limit ${LINKED_REPORTS_LIMIT + 1}`,
  );
  const [counts] = await queryRows<{ total: number; open: number }>(
    db,
    sql`select count(*)::int as total,
               count(*) filter (where r.merged_into_id is null and r.status in
                 (${sql.join(
                   OPEN_STATUSES.map((s) => sql`${s}`),
                   sql`, `,
                 )}))::int as open
          from notice_report_links l join reports r on r.id = l.report_id
         where l.notice_id = ${noticeId} and r.kommunenummer = ${kommunenummer}`,
  );
  return {
    total: counts?.total ?? 0,
    open: counts?.open ?? 0,
    reports: rows.slice(0, LINKED_REPORTS_LIMIT).map((row) => ({
      id: row.id,
      ref: row.ref,
      status: row.status,
      open: isOpenReport(row),
      category: localize(row.category, language),
      address: row.address,
      createdAt: new Date(row.created_at).toISOString(),
      linkedAt: new Date(row.linked_at).toISOString(),
      automatic: row.automatic,
    })),
  };
}
