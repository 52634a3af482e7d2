// Everything about one report for the case view: the report with its category, team and
// assignee, the answers, photos, merges, followers and the full history with who did what.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { isUuid } from '../../shared/text.ts';
import type { Answers, Question } from '../categories/questions.ts';
import type { NoticeStatus } from '../notices/schema.ts';
import { listReportPhotos, type ReportPhotoRow } from '../photos/queries.ts';
import type { ReportEventKind, ReportStatus } from '../reports/statuses.ts';
import { reportNotFound } from './case-changes.ts';
import { type InboxItemRow, inboxItemColumns, inboxItemJoins } from './present-inbox-item.ts';

/** The inbox row, plus what only the case view shows. */
export interface CaseRow extends InboxItemRow {
  kommunenummer: string;
  full_description: string;
  category_questions: Question[];
  photos_public: boolean;
  answers: Answers;
  asset_ref: string | null;
  asset_id: string | null;
  asset_external_id: string | null;
  asset_type_name: LocalizedText | null;
  merged_into_id: string | null;
  merged_into_ref: string | null;
  forwarded_to: string | null;
  forwarded_to_email: string | null;
  needs_case_handling: boolean;
  followers_count: number;
  has_contact: boolean;
  version: string;
  asset_name: string | null;
}

export interface HistoryRow {
  id: number | string;
  kind: ReportEventKind;
  public: boolean;
  status: ReportStatus | null;
  message: string | null;
  actor: string;
  actorName: string | null;
  details: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
  createdAt: Date | string;
}

/** A notice that explains the report (notices/link-report-to-notice.ts). */
export interface LinkedNoticeRow {
  id: string;
  title: LocalizedText;
  status: NoticeStatus;
  linkedAt: Date | string;
  automatic: boolean;
}

export interface CaseData {
  report: CaseRow;
  duplicates: { id: string; ref: string }[];
  linkedNotices: LinkedNoticeRow[];
  photos: ReportPhotoRow[];
  history: HistoryRow[];
}

export async function getCase(db: Queryable, kommunenummer: string, reportId: string): Promise<CaseData> {
  if (!isUuid(reportId)) throw reportNotFound();
  const [report] = await queryRows<CaseRow>(
    db,
    sql`select ${inboxItemColumns}, r.kommunenummer, r.description as full_description,
        c.questions as category_questions, c.public_description as photos_public, r.answers, r.asset_ref,
        a.id as asset_id, a.external_id as asset_external_id, a.name as asset_name, ast.name as asset_type_name,
        r.merged_into_id, p.ref as merged_into_ref, r.forwarded_to, r.forwarded_to_email,
        r.needs_case_handling,
        (select count(*)::int from report_followers f where f.report_id = r.id and f.confirmed_at is not null) as followers_count,
        exists (select 1 from report_contacts rc where rc.report_id = r.id) as has_contact,
        to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as version
      from reports r
      ${inboxItemJoins}
      left join reports p on p.id = r.merged_into_id
      left join assets a on a.id = r.asset_id and a.kommunenummer = r.kommunenummer
      left join asset_types ast on ast.id = a.type_id
      where r.id = ${reportId}::uuid and r.kommunenummer = ${kommunenummer}`,
  );
  if (!report) throw reportNotFound();
  const [duplicates, photos, history, linkedNotices] = await Promise.all([
    queryRows<{ id: string; ref: string }>(
      db,
      sql`select id, ref from reports where merged_into_id = ${reportId}::uuid order by created_at, id`,
    ),
    listReportPhotos(db, reportId, { withInternal: true }),
    queryRows<HistoryRow>(
      db,
      sql`select e.id, e.kind, e.public, e.status, e.message, e.actor, u.name as "actorName", e.details,
          e.created_at as "createdAt"
        from report_events e
        left join staff_users u on u.id::text = e.actor
        where e.report_id = ${reportId}::uuid
        order by e.id`,
    ),
    queryRows<LinkedNoticeRow>(
      db,
      sql`select n.id, v.title, n.status,
          l.linked_at as "linkedAt", l.linked_by is null as automatic
        from notice_report_links l
        join notices n on n.id = l.notice_id
        join notice_versions v on v.notice_id = n.id and v.version = n.version
        where l.report_id = ${reportId}::uuid and n.kommunenummer = ${kommunenummer}
        order by l.linked_at`,
    ),
  ]);
  return { report, duplicates, photos, history, linkedNotices };
}
