// A field crew's work list: the open reports assigned to me, or to my teams, in one municipality,
// the most urgent first, then the nearest to where I stand, then the oldest. Distance is the
// great-circle distance computed in SQL (no PostGIS), so the database sorts and limits.
import { type SQL, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { OPEN_STATUSES, type Priority, type ReportStatus } from '../reports/statuses.ts';

export const TASK_SCOPES = ['mine', 'team'] as const;
export type TaskScope = (typeof TASK_SCOPES)[number];

/** A crew's list is worked by hand; past this many the rest is not what they will reach today. */
export const MAX_TASKS = 500;
/** How much of the description the list shows as the task's title. */
const TITLE_LENGTH = 80;

export interface FieldTask {
  id: string;
  reference: string;
  status: ReportStatus;
  priority: Priority;
  category: { code: string; name: string };
  title: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  distanceMetres: number | null;
  assignedToMe: boolean;
  team: { id: string; name: string } | null;
  updatedAt: string;
  version: string;
  asset: { id: string; externalId: string; name: string } | null;
}

interface TaskRow {
  id: string;
  ref: string;
  status: ReportStatus;
  priority: Priority;
  category_code: string;
  category_name: LocalizedText;
  description: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  distance: number | null;
  assigned_to_me: boolean;
  team_id: string | null;
  team_name: string | null;
  updated_at: Date | string;
  version: string;
  asset_id: string | null;
  asset_external_id: string | null;
  asset_name: string | null;
}

export interface TaskQuery {
  userId: string;
  kommunenummer: string;
  scope: TaskScope;
  /** Where the crew is (both or neither); never stored or logged. */
  position: { lat: number; lon: number } | null;
}

/** Metres between the report and the position (haversine on a 6,371 km sphere). */
function distanceSql(position: { lat: number; lon: number } | null): SQL {
  if (position === null) return sql`null::double precision`;
  const { lat, lon } = position;
  return sql`case when r.lat is null then null else 2 * 6371008.8 * asin(least(1, sqrt(
      power(sin(radians(r.lat - ${lat}::double precision) / 2), 2)
      + cos(radians(${lat}::double precision)) * cos(radians(r.lat))
        * power(sin(radians(r.lon - ${lon}::double precision) / 2), 2)))) end`;
}

export async function listFieldTasks(
  db: Database,
  query: TaskQuery,
  language: Language,
): Promise<FieldTask[]> {
  const open = sql.join(
    OPEN_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const whose =
    query.scope === 'mine'
      ? sql`r.assignee_id = ${query.userId}::uuid`
      : sql`r.team_id in (select team_id from team_members where user_id = ${query.userId}::uuid)`;
  const rows = await queryRows<TaskRow>(
    db,
    sql`select * from (
        select r.id, r.ref, r.status, r.priority, c.code as category_code, c.name as category_name,
          left(r.description, ${TITLE_LENGTH}) as description, r.lat, r.lon, r.address,
          ${distanceSql(query.position)} as distance,
          coalesce(r.assignee_id = ${query.userId}::uuid, false) as assigned_to_me,
          t.id as team_id, t.name as team_name, r.updated_at, r.created_at,
          to_char(r.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as version,
          a.id as asset_id, a.external_id as asset_external_id, a.name as asset_name
        from reports r
        join categories c on c.id = r.category_id
        left join teams t on t.id = r.team_id
        left join assets a on a.id = r.asset_id and a.kommunenummer = r.kommunenummer
        where r.kommunenummer = ${query.kommunenummer} and r.status in (${open})
          and r.merged_into_id is null and ${whose}
      ) task
      order by case priority when 'hoy' then 0 when 'normal' then 1 else 2 end,
        distance asc nulls last, created_at asc, id
      limit ${MAX_TASKS}`,
  );
  return rows.map((row) => ({
    id: row.id,
    reference: row.ref,
    status: row.status,
    priority: row.priority,
    category: { code: row.category_code, name: localize(row.category_name, language) },
    title: firstLine(row.description),
    lat: row.lat,
    lon: row.lon,
    address: row.address,
    distanceMetres: row.distance === null ? null : Math.round(Number(row.distance)),
    assignedToMe: row.assigned_to_me,
    team: row.team_id !== null && row.team_name !== null ? { id: row.team_id, name: row.team_name } : null,
    updatedAt: (row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at)).toISOString(),
    version: row.version,
    asset:
      row.asset_id !== null && row.asset_external_id !== null && row.asset_name !== null
        ? { id: row.asset_id, externalId: row.asset_external_id, name: row.asset_name }
        : null,
  }));
}

/** The description's first line, as a title: the list is read at a glance. */
function firstLine(description: string): string {
  const line = description.split(/\r?\n/, 1)[0]?.trim() ?? '';
  return line === '' ? description.trim() : line;
}
