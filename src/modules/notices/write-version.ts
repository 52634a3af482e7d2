// Every change to a notice is a new row in notice_versions with the next number, and the notice's
// own row follows it; nothing is overwritten. Runs inside the change's transaction, with the
// notice's row locked (findNotice(…, lock)), so two changes cannot take the same number. A version
// residents see also writes the notice_fanouts row that tells its subscribers (fan-out-notice.ts).
import { eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Areas } from './areas.ts';
import {
  type NoticeRow,
  type NoticeVersionRow,
  presentStaffNotice,
  type StaffNotice,
} from './notice-queries.ts';
import { type NoticeStatus, noticeFanouts, notices, noticeVersions } from './schema.ts';

export interface NextVersion {
  status: NoticeStatus;
  title: LocalizedText;
  body: LocalizedText;
  areas: Areas;
  startsAt: Date;
  expectedEndAt: Date | null;
  endedAt: Date | null;
}

export async function writeVersion(
  tx: Transaction,
  change: {
    actorId: string;
    action: 'notice.updated' | 'notice.published' | 'notice.ended';
    notice: NoticeRow;
    latest: NoticeVersionRow;
    next: NextVersion;
  },
): Promise<StaffNotice> {
  const { notice, latest, next } = change;
  const version = notice.version + 1;
  const now = new Date();
  const [versionRow] = await tx
    .insert(noticeVersions)
    .values({
      noticeId: notice.id,
      version,
      status: next.status,
      title: next.title,
      body: next.body,
      areas: next.areas.areas,
      ...next.areas.bbox,
      startsAt: next.startsAt,
      expectedEndAt: next.expectedEndAt,
      changedBy: change.actorId,
      createdAt: now,
    })
    .returning();
  const [noticeRow] = await tx
    .update(notices)
    .set({
      status: next.status,
      startsAt: next.startsAt,
      expectedEndAt: next.expectedEndAt,
      endedAt: next.endedAt,
      version,
      updatedAt: now,
    })
    .where(eq(notices.id, notice.id))
    .returning();
  if (!versionRow || !noticeRow) throw new Error(`notice ${notice.id} version ${version} not written`);
  // What residents can read is what subscribers are told: a published, updated or ended version
  // is the fan-out's outbox row, committed with the version (start-notice-fanout.ts picks it up).
  // A draft, or a draft's change, tells nobody.
  if (next.status !== 'draft') {
    await tx
      .insert(noticeFanouts)
      .values({ noticeId: notice.id, version, kommunenummer: notice.kommunenummer, createdAt: now });
  }
  const before = presentStaffNotice(notice, latest);
  const after = presentStaffNotice(noticeRow, versionRow);
  await recordAudit(tx, {
    kommunenummer: notice.kommunenummer,
    actorId: change.actorId,
    action: change.action,
    entityType: 'notice',
    entityId: notice.id,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}

/** What the audit log keeps of a notice: everything but the coordinates, which the version row holds. */
export function auditView(notice: StaffNotice) {
  const { areas: _areas, ...rest } = notice;
  return rest;
}

/** The areas of a stored version, as normalizeAreas returns them. */
export function areasOf(row: NoticeVersionRow): Areas {
  return {
    areas: row.areas,
    bbox: { minLat: row.minLat, minLon: row.minLon, maxLat: row.maxLat, maxLon: row.maxLon },
  };
}
