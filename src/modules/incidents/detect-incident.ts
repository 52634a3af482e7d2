// Incident detection for one new report, by its category's rule (categories.incident_min_reports
// within incident_radius_meters within incident_window_minutes): if an open incident of the
// category lies within the radius, the report joins it; else, if enough reports of the category
// (not merged, not rejected, in no incident yet) lie within the radius of it within the window,
// they become a new incident. Candidates come from the reports.location GiST index (a bounding
// box), then the exact distance (haversine). A transaction-scoped advisory lock per municipality
// and category makes two workers take turns, and a report in an incident already is left alone,
// so a job run twice changes nothing.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows, type Transaction } from '../../db/client.ts';
import { uuidArray } from '../../db/uuid-array.ts';
import { degreesFor, distanceMeters } from './geometry.ts';

/** Arbitrary but fixed: "incident detection" among advisory locks (the announcer uses 40_012_027). */
const INCIDENT_LOCK_KEY = 40_012_028;

interface ReportRule {
  kommunenummer: string;
  category_id: string;
  lat: number | null;
  lon: number | null;
  created_at: Date | string;
  excluded: boolean;
  min_reports: number | null;
  radius: number;
  window_minutes: number;
}

export interface IncidentOutcome {
  incidentId: string;
  kommunenummer: string;
  created: boolean;
  reportCount: number;
}

/** Within the caller's transaction (see intake-followup.ts). */
export async function detectIncident(
  tx: Transaction,
  reportId: string,
): Promise<IncidentOutcome | undefined> {
  const [report] = await queryRows<ReportRule>(
    tx,
    sql`select r.kommunenummer, r.category_id, r.lat, r.lon, r.created_at,
               (r.merged_into_id is not null or r.status in ('avvist', 'duplikat')) as excluded,
               c.incident_min_reports as min_reports, c.incident_radius_meters as radius,
               c.incident_window_minutes as window_minutes
          from reports r join categories c on c.id = r.category_id
         where r.id = ${reportId}`,
  );
  if (!report || report.excluded || report.min_reports === null) return undefined;
  if (report.lat === null || report.lon === null) return undefined;
  const point = { lat: report.lat, lon: report.lon };
  await tx.execute(
    sql`select pg_advisory_xact_lock(${INCIDENT_LOCK_KEY}::int, hashtext(${`${report.kommunenummer}:${report.category_id}`}))`,
  );
  const [member] = await queryRows<{ incident_id: string }>(
    tx,
    sql`select incident_id from incident_reports where report_id = ${reportId}`,
  );
  if (member) return undefined;

  const open = await queryRows<{ id: string; center_lat: number; center_lon: number }>(
    tx,
    sql`select id, center_lat, center_lon from incidents
         where kommunenummer = ${report.kommunenummer} and category_id = ${report.category_id} and status = 'open'`,
  );
  const near = open
    .map((i) => ({ id: i.id, distance: distanceMeters(point, { lat: i.center_lat, lon: i.center_lon }) }))
    .filter((i) => i.distance <= report.radius)
    .sort((a, b) => a.distance - b.distance)[0];
  if (near) {
    await tx.execute(
      sql`insert into incident_reports (incident_id, report_id) values (${near.id}, ${reportId})`,
    );
    const count = await refreshIncident(tx, near.id);
    return { incidentId: near.id, kommunenummer: report.kommunenummer, created: false, reportCount: count };
  }

  const { dLat, dLon } = degreesFor(report.radius, point.lat);
  const candidates = await queryRows<{ id: string; lat: number; lon: number }>(
    tx,
    sql`select r.id, r.lat, r.lon from reports r
         where r.kommunenummer = ${report.kommunenummer} and r.category_id = ${report.category_id}
           and r.location <@ box(point(${point.lon - dLon}::float8, ${point.lat - dLat}::float8),
                                 point(${point.lon + dLon}::float8, ${point.lat + dLat}::float8))
           and r.created_at >= ${new Date(report.created_at).toISOString()}::timestamptz
                                - make_interval(mins => ${report.window_minutes}::int)
           and r.merged_into_id is null and r.status not in ('avvist', 'duplikat')
           and not exists (select 1 from incident_reports ir where ir.report_id = r.id)`,
  );
  const cluster = candidates.filter((c) => distanceMeters(point, c) <= report.radius);
  if (!cluster.some((c) => c.id === reportId) || cluster.length < report.min_reports) return undefined;
  const [incident] = await queryRows<{ id: string }>(
    tx,
    sql`insert into incidents (kommunenummer, category_id, center_lat, center_lon, report_count)
        values (${report.kommunenummer}, ${report.category_id}, ${point.lat}, ${point.lon}, ${cluster.length})
        returning id`,
  );
  if (!incident) throw new Error('incident not created');
  await tx.execute(
    sql`insert into incident_reports (incident_id, report_id)
        select ${incident.id}::uuid, unnest(${uuidArray(cluster.map((c) => c.id))})`,
  );
  const count = await refreshIncident(tx, incident.id);
  return { incidentId: incident.id, kommunenummer: report.kommunenummer, created: true, reportCount: count };
}

/** The incident's count and middle from its reports, after one joined or it was made. */
async function refreshIncident(tx: Queryable, incidentId: string): Promise<number> {
  const [row] = await queryRows<{ report_count: number }>(
    tx,
    sql`update incidents i
           set report_count = s.n, center_lat = s.lat, center_lon = s.lon, updated_at = now()
          from (select count(*)::int as n, avg(r.lat) as lat, avg(r.lon) as lon
                  from incident_reports ir join reports r on r.id = ir.report_id
                 where ir.incident_id = ${incidentId}) s
         where i.id = ${incidentId}
        returning i.report_count`,
  );
  return row?.report_count ?? 0;
}
