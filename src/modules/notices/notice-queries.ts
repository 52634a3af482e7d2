// Reading notices for staff: the current state with its latest version, and every version.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { noticeMessages } from './notice-messages.ts';
import { notices, noticeVersions } from './schema.ts';

export type NoticeRow = typeof notices.$inferSelect;
export type NoticeVersionRow = typeof noticeVersions.$inferSelect;

export const STAFF_LIST_LIMIT = 200;

export function noticeNotFound(): AppError {
  return new AppError(404, 'notice_not_found', noticeMessages.notFound());
}

function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export function presentVersion(row: NoticeVersionRow) {
  return {
    version: row.version,
    status: row.status,
    title: row.title,
    body: row.body,
    areas: row.areas,
    bbox: { minLat: row.minLat, minLon: row.minLon, maxLat: row.maxLat, maxLon: row.maxLon },
    startsAt: row.startsAt.toISOString(),
    expectedEndAt: iso(row.expectedEndAt),
    changedBy: row.changedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentStaffNotice(notice: NoticeRow, latest: NoticeVersionRow) {
  const version = presentVersion(latest);
  return {
    id: notice.id,
    kommunenummer: notice.kommunenummer,
    type: notice.type,
    status: notice.status,
    version: notice.version,
    title: version.title,
    body: version.body,
    areas: version.areas,
    bbox: version.bbox,
    startsAt: notice.startsAt.toISOString(),
    expectedEndAt: iso(notice.expectedEndAt),
    endedAt: iso(notice.endedAt),
    createdAt: notice.createdAt.toISOString(),
    updatedAt: notice.updatedAt.toISOString(),
  };
}
export type StaffNotice = ReturnType<typeof presentStaffNotice>;

/** The notice and its latest version, locked for a change when `lock` is set. */
export async function findNotice(
  db: Queryable,
  kommunenummer: string,
  id: string,
  lock = false,
): Promise<{ notice: NoticeRow; latest: NoticeVersionRow }> {
  const query = db
    .select()
    .from(notices)
    .where(and(eq(notices.id, id), eq(notices.kommunenummer, kommunenummer)));
  const [notice] = lock ? await query.for('update') : await query;
  if (!notice) throw noticeNotFound();
  const [latest] = await db
    .select()
    .from(noticeVersions)
    .where(and(eq(noticeVersions.noticeId, id), eq(noticeVersions.version, notice.version)));
  if (!latest) throw new Error(`notice ${id} has no version ${notice.version}`);
  return { notice, latest };
}

export async function getNotice(db: Queryable, kommunenummer: string, id: string) {
  const { notice, latest } = await findNotice(db, kommunenummer, id);
  const versions = await db
    .select()
    .from(noticeVersions)
    .where(eq(noticeVersions.noticeId, id))
    .orderBy(asc(noticeVersions.version));
  return { ...presentStaffNotice(notice, latest), versions: versions.map(presentVersion) };
}

/** The municipality's notices, drafts included, the last changed first. */
export async function listStaffNotices(db: Queryable, kommunenummer: string): Promise<StaffNotice[]> {
  const rows = await db
    .select({ notice: notices, latest: noticeVersions })
    .from(notices)
    .innerJoin(
      noticeVersions,
      and(eq(noticeVersions.noticeId, notices.id), eq(noticeVersions.version, notices.version)),
    )
    .where(eq(notices.kommunenummer, kommunenummer))
    .orderBy(desc(notices.updatedAt), desc(notices.id))
    .limit(STAFF_LIST_LIMIT);
  return rows.map((row) => presentStaffNotice(row.notice, row.latest));
}
