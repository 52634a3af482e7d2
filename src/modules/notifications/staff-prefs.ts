// A staff member's own choice of emails in one municipality: new reports in their teams (off,
// each at once, or a morning digest), acute reports at once, and deadlines. No row means the
// defaults below, so a new account hears about its teams without setting anything.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

export const NEW_REPORTS_PREFERENCES = ['off', 'immediate', 'digest'] as const;
export type NewReportsPreference = (typeof NEW_REPORTS_PREFERENCES)[number];

export interface StaffPrefs {
  newReports: NewReportsPreference;
  acute: boolean;
  deadlines: boolean;
}

export const DEFAULT_STAFF_PREFS: StaffPrefs = { newReports: 'digest', acute: true, deadlines: true };

export async function getStaffPrefs(
  db: Queryable,
  userId: string,
  kommunenummer: string,
): Promise<StaffPrefs> {
  const [row] = await queryRows<{ new_reports: NewReportsPreference; acute: boolean; deadlines: boolean }>(
    db,
    sql`select new_reports, acute, deadlines from staff_notification_prefs
         where user_id = ${userId}::uuid and kommunenummer = ${kommunenummer}`,
  );
  return row
    ? { newReports: row.new_reports, acute: row.acute, deadlines: row.deadlines }
    : DEFAULT_STAFF_PREFS;
}

export async function setStaffPrefs(
  db: Queryable,
  userId: string,
  kommunenummer: string,
  prefs: StaffPrefs,
): Promise<StaffPrefs> {
  await db.execute(
    sql`insert into staff_notification_prefs (user_id, kommunenummer, new_reports, acute, deadlines)
        values (${userId}::uuid, ${kommunenummer}, ${prefs.newReports}, ${prefs.acute}, ${prefs.deadlines})
        on conflict (user_id, kommunenummer) do update
          set new_reports = excluded.new_reports, acute = excluded.acute, deadlines = excluded.deadlines`,
  );
  return prefs;
}
