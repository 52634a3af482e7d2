// Incidents for staff: the municipality's open ones (the inbox's panel) or recent ones, and one
// with its reports (the incident page and "create notice from incident").
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import type { PublicLocation } from '../categories/schema.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import { incidentMessages } from './incident-texts.ts';
import type { IncidentStatus } from './schema.ts';

const LIST_LIMIT = 100;

export interface IncidentSummary {
  id: string;
  status: IncidentStatus;
  categoryId: string;
  category: string;
  reportCount: number;
  radiusMeters: number;
  windowMinutes: number;
  center: { lat: number; lon: number };
  noticeId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface IncidentReport {
  id: string;
  ref: string;
  status: ReportStatus;
  address: string | null;
  lat: number;
  lon: number;
  createdAt: string;
}

interface Row {
  id: string;
  status: IncidentStatus;
  category_id: string;
  category: LocalizedText;
  notice_types: string[];
  public_location: PublicLocation;
  report_count: number;
  radius: number;
  window_minutes: number;
  center_lat: number;
  center_lon: number;
  notice_id: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = sql`i.id, i.status, i.category_id, c.name as category, c.notice_types, c.public_location, i.report_count,
  c.incident_radius_meters as radius, c.incident_window_minutes as window_minutes,
  i.center_lat, i.center_lon, i.notice_id, i.created_at, i.updated_at`;

function present(row: Row, language: Language): IncidentSummary {
  return {
    id: row.id,
    status: row.status,
    categoryId: row.category_id,
    category: localize(row.category, language),
    reportCount: row.report_count,
    radiusMeters: row.radius,
    windowMinutes: row.window_minutes,
    center: { lat: row.center_lat, lon: row.center_lon },
    noticeId: row.notice_id,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Open incidents, newest first; with `all`, the last 100 of any status. */
export async function listIncidents(
  db: Queryable,
  kommunenummer: string,
  language: Language,
  all = false,
): Promise<IncidentSummary[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ${COLUMNS} from incidents i join categories c on c.id = i.category_id
         where i.kommunenummer = ${kommunenummer} ${all ? sql`` : sql`and i.status = 'open'`}
         order by i.created_at desc limit ${LIST_LIMIT}`,
  );
  return rows.map((row) => present(row, language));
}

export interface IncidentDetail extends IncidentSummary {
  noticeTypes: string[];
  /** How precisely the category's reports may be shown in public (a notice is public). */
  publicLocation: PublicLocation;
  reports: IncidentReport[];
}

export async function getIncident(
  db: Queryable,
  kommunenummer: string,
  id: string,
  language: Language,
  lock = false,
): Promise<IncidentDetail> {
  const [row] = await queryRows<Row>(
    db,
    sql`select ${COLUMNS} from incidents i join categories c on c.id = i.category_id
         where i.id = ${id} and i.kommunenummer = ${kommunenummer} ${lock ? sql`for update of i` : sql``}`,
  );
  if (!row) throw new AppError(404, 'incident_not_found', incidentMessages.notFound());
  const reports = await queryRows<{
    id: string;
    ref: string;
    status: ReportStatus;
    address: string | null;
    lat: number;
    lon: number;
    created_at: Date | string;
  }>(
    db,
    sql`select r.id, r.ref, r.status, r.address, r.lat, r.lon, r.created_at
          from incident_reports ir join reports r on r.id = ir.report_id
         where ir.incident_id = ${id} order by r.created_at, r.id`,
  );
  return {
    ...present(row, language),
    noticeTypes: row.notice_types,
    publicLocation: row.public_location,
    reports: reports.map((r) => ({
      id: r.id,
      ref: r.ref,
      status: r.status,
      address: r.address,
      lat: r.lat,
      lon: r.lon,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}
