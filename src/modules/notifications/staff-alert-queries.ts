// What staff alerts read: a report as staff emails describe it (no contact data is selected at
// all), and who hears about a team's reports. Recipients are active accounts that are members of
// the report's team and hold a role in its municipality; a missing preferences row means the
// defaults (digest, acute on, deadlines on).
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { uuidArray } from '../../db/uuid-array.ts';
import type { Language, LocalizedText } from '../../shared/language.ts';
import { REPORT_STATUSES, type ReportStatus, STATUS_INFO } from '../reports/statuses.ts';
import type { NewReportsPreference } from './staff-prefs.ts';

export interface StaffReportFacts {
  id: string;
  ref: string;
  kommunenummer: string;
  status: ReportStatus;
  acute: boolean;
  team_id: string | null;
  team_name: string | null;
  category_name: LocalizedText;
  address: string | null;
  municipality_name: string;
  due_at: Date | null;
  /** Whether the report came in longer ago than an immediate alert is worth sending for. */
  stale: boolean;
}

const REPORT_COLUMNS = sql`r.id, r.ref, r.kommunenummer, r.status, r.acute, r.team_id, t.name as team_name,
  c.name as category_name, r.address, m.name as municipality_name, r.due_at,
  r.created_at < now() - interval '6 hours' as stale`;
const REPORT_JOINS = sql`join categories c on c.id = r.category_id
  join municipalities m on m.kommunenummer = r.kommunenummer
  left join teams t on t.id = r.team_id`;

/** Several reports in one statement (the relay alerts a whole batch's new reports at once). */
export async function loadStaffReports(
  db: Queryable,
  reportIds: readonly string[],
): Promise<StaffReportFacts[]> {
  if (reportIds.length === 0) return [];
  const rows = await queryRows<StaffReportFacts>(
    db,
    sql`select ${REPORT_COLUMNS} from reports r ${REPORT_JOINS}
         where r.id = any(${uuidArray(reportIds)})`,
  );
  // In the order asked for (the events' order), so alerts are queued as the reports came in.
  const byId = new Map(rows.map((row) => [row.id, row]));
  return reportIds.flatMap((id) => byId.get(id.toLowerCase()) ?? []);
}

export interface StaffRecipient {
  user_id: string;
  email: string;
  language: Language;
  new_reports: NewReportsPreference;
  acute: boolean;
  deadlines: boolean;
}

const RECIPIENT_COLUMNS = sql`u.id as user_id, u.email, u.language,
  coalesce(p.new_reports, 'digest') as new_reports, coalesce(p.acute, true) as acute,
  coalesce(p.deadlines, true) as deadlines`;

/** Who hears about one team's reports in a municipality (one team of `recipientsOfTeams`). */
export async function teamRecipients(
  db: Queryable,
  kommunenummer: string,
  teamId: string,
): Promise<StaffRecipient[]> {
  return recipientsOfTeams(db, [{ kommunenummer, teamId }]);
}

/** A team within the municipality whose roles and preferences count (the report's). */
export interface TeamOfMunicipality {
  kommunenummer: string;
  teamId: string;
}

/**
 * Who hears about several teams' reports, in one statement: each team's active members who hold a
 * role in its municipality, with their preferences there. Each row says which team and
 * municipality it was asked for; ordered by email within each.
 */
export async function recipientsOfTeams(
  db: Queryable,
  teams: readonly TeamOfMunicipality[],
): Promise<(StaffRecipient & { team_id: string; kommunenummer: string })[]> {
  if (teams.length === 0) return [];
  return queryRows(
    db,
    sql`select x."teamId" as team_id, x.kommunenummer, ${RECIPIENT_COLUMNS}
          from json_to_recordset(${JSON.stringify(teams)}::text::json) as x("teamId" uuid, kommunenummer char(4))
          join team_members tm on tm.team_id = x."teamId"
          join staff_users u on u.id = tm.user_id and u.active
          left join staff_notification_prefs p on p.user_id = u.id and p.kommunenummer = x.kommunenummer
         where exists (select 1 from staff_roles sr where sr.user_id = u.id and sr.kommunenummer = x.kommunenummer)
         order by x.kommunenummer, x."teamId", u.email`,
  );
}

export const OPEN_STATUSES = REPORT_STATUSES.filter((s) => STATUS_INFO[s].open311 === 'open');

export type DeadlineKind = 'due_soon' | 'overdue';
export type DeadlineRow = StaffReportFacts & StaffRecipient & { kind: DeadlineKind };

/** Deadlines passed longer ago than this are not announced (no flood when the feature starts). */
export const OVERDUE_LOOKBACK = '7 days';

/**
 * Open reports due within a day or overdue, paired with each team member who wants deadline
 * emails and has not had this one yet (the messages' idempotency keys say who has).
 */
export async function pendingDeadlineAlerts(db: Queryable, now: Date, limit: number): Promise<DeadlineRow[]> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const kind = sql`case when r.due_at <= ${at} then 'overdue' else 'due_soon' end`;
  return queryRows<DeadlineRow>(
    db,
    sql`select ${REPORT_COLUMNS}, ${RECIPIENT_COLUMNS}, ${kind} as kind
          from reports r ${REPORT_JOINS}
          join team_members tm on tm.team_id = r.team_id
          join staff_users u on u.id = tm.user_id and u.active
          left join staff_notification_prefs p on p.user_id = u.id and p.kommunenummer = r.kommunenummer
         where r.due_at is not null
           and r.due_at <= ${at} + interval '24 hours'
           and r.due_at > ${at} - ${OVERDUE_LOOKBACK}::interval
           and r.status in (${sql.join(
             OPEN_STATUSES.map((s) => sql`${s}`),
             sql`, `,
           )})
           and coalesce(p.deadlines, true)
           and exists (select 1 from staff_roles sr where sr.user_id = u.id and sr.kommunenummer = r.kommunenummer)
           and not exists (select 1 from messages msg
                 where msg.idempotency_key = 'staff_' || ${kind} || ':' || r.id || ':' || u.id)
         order by r.due_at, r.id, u.id
         limit ${limit}`,
  );
}

export type DigestRow = StaffReportFacts & { user_id: string; email: string; language: Language };

/**
 * The reports received on one Oslo calendar day, paired with each team member who chose the
 * digest and has not had that day's digest for that municipality yet.
 */
export async function pendingDigestRows(db: Queryable, day: string): Promise<DigestRow[]> {
  return queryRows<DigestRow>(
    db,
    sql`select ${REPORT_COLUMNS}, u.id as user_id, u.email, u.language
          from reports r ${REPORT_JOINS}
          join team_members tm on tm.team_id = r.team_id
          join staff_users u on u.id = tm.user_id and u.active
          left join staff_notification_prefs p on p.user_id = u.id and p.kommunenummer = r.kommunenummer
         where r.created_at >= (${day}::date)::timestamp at time zone 'Europe/Oslo'
           and r.created_at < (${day}::date + 1)::timestamp at time zone 'Europe/Oslo'
           and coalesce(p.new_reports, 'digest') = 'digest'
           and exists (select 1 from staff_roles sr where sr.user_id = u.id and sr.kommunenummer = r.kommunenummer)
           and not exists (select 1 from messages msg
                 where msg.idempotency_key = 'staff_digest:' || u.id || ':' || r.kommunenummer || ':' || ${day})
         order by u.id, r.kommunenummer, r.acute desc, r.created_at, r.id`,
  );
}
