// The published (active and upcoming) notices whose area holds a point: the answer to "does
// this affect my address?". The bounding box columns narrow the candidates in the database;
// the exact test runs here over each candidate's stored GeoJSON, holes included.
import { and, eq, gte, lte } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { type Language, localize } from '../../shared/language.ts';
import { type LatLon, pointInMultiPolygon } from './point-in-area.ts';
import { notices, noticeVersions } from './schema.ts';

/** More published notices than this over one point would be a municipality in crisis anyway. */
const CANDIDATE_LIMIT = 200;

export interface NoticeAtPoint {
  id: string;
  type: (typeof notices.$inferSelect)['type'];
  title: string;
  startsAt: string;
}

export async function noticesAtPoint(
  db: Queryable,
  options: { kommunenummer: string; point: LatLon; language: Language },
): Promise<NoticeAtPoint[]> {
  const { lat, lon } = options.point;
  const candidates = await db
    .select({
      id: notices.id,
      type: notices.type,
      startsAt: notices.startsAt,
      title: noticeVersions.title,
      areas: noticeVersions.areas,
    })
    .from(notices)
    .innerJoin(
      noticeVersions,
      and(eq(noticeVersions.noticeId, notices.id), eq(noticeVersions.version, notices.version)),
    )
    .where(
      and(
        eq(notices.kommunenummer, options.kommunenummer),
        eq(notices.status, 'published'),
        lte(noticeVersions.minLat, lat),
        gte(noticeVersions.maxLat, lat),
        lte(noticeVersions.minLon, lon),
        gte(noticeVersions.maxLon, lon),
      ),
    )
    .orderBy(notices.startsAt)
    .limit(CANDIDATE_LIMIT);
  return candidates
    .filter((c) => pointInMultiPolygon(options.point, c.areas))
    .map((c) => ({
      id: c.id,
      type: c.type,
      title: localize(c.title, options.language),
      startsAt: c.startsAt.toISOString(),
    }));
}
