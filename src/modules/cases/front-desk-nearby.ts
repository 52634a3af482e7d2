// Front desk: open reports of the same category near the caller's place, so the staff member
// can say "that is already reported" before registering a second one. The distance search is
// intake's own ("already reported?"); this adds the inbox's view of each report.
import { and, eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { categories } from '../categories/schema.ts';
import { findNearbyReports } from '../reports/find-nearby-reports.ts';
import { frontDeskMessages } from './front-desk-messages.ts';
import {
  type InboxItem,
  type InboxItemRow,
  inboxItemColumns,
  inboxItemJoins,
  presentInboxItem,
} from './present-inbox-item.ts';

export type NearbyInboxItem = InboxItem & { distanceMeters: number };

export async function findOpenReportsNearby(
  db: Database,
  query: { kommunenummer: string; categoryId: string; lat: number; lon: number },
  language: Language,
): Promise<NearbyInboxItem[]> {
  const [category] = await db
    .select({ code: categories.code })
    .from(categories)
    .where(and(eq(categories.id, query.categoryId), eq(categories.kommunenummer, query.kommunenummer)));
  if (!category) throw new AppError(404, 'not_found', frontDeskMessages.categoryNotFound());

  const nearby = await findNearbyReports(db, {
    kommunenummer: query.kommunenummer,
    categoryCode: category.code,
    lat: query.lat,
    lon: query.lon,
    audience: 'staff',
  });
  if (nearby.length === 0) return [];
  const refs = nearby.map((n) => n.ref);
  const rows = await queryRows<InboxItemRow>(
    db,
    sql`select ${inboxItemColumns} from reports r ${inboxItemJoins}
      where r.kommunenummer = ${query.kommunenummer}
        and r.ref in (${sql.join(
          refs.map((ref) => sql`${ref}`),
          sql`, `,
        )})`,
  );
  const byRef = new Map(rows.map((row) => [row.ref, row]));
  // Nearest first, as the distance search ordered them.
  return nearby.flatMap((n) => {
    const row = byRef.get(n.ref);
    return row ? [{ ...presentInboxItem(row, language), distanceMeters: n.meters }] : [];
  });
}
