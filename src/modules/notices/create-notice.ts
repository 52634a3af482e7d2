// A new notice starts as a draft, version 1; publishing it is a separate step (publish-notice.ts).
import type { Database } from '../../db/client.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { checkedAreas, checkWindow, cleanText, refuseNotice } from './check-notice.ts';
import type { NoticeCreate } from './http-schemas.ts';
import { presentStaffNotice, type StaffNotice } from './notice-queries.ts';
import { notices, noticeVersions } from './schema.ts';
import { auditView } from './write-version.ts';

export async function createNotice(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: NoticeCreate,
): Promise<StaffNotice> {
  const errors: ErrorDetail[] = [];
  const areas = checkedAreas(input.area, errors);
  const startsAt = new Date(input.startsAt);
  const expectedEndAt = input.expectedEndAt ? new Date(input.expectedEndAt) : null;
  checkWindow(startsAt, expectedEndAt, errors);
  if (errors.length > 0 || !areas) throw refuseNotice(errors);
  return db.transaction(async (tx) => {
    const now = new Date();
    const [notice] = await tx
      .insert(notices)
      .values({
        kommunenummer,
        type: input.type,
        status: 'draft',
        startsAt,
        expectedEndAt,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!notice) throw new Error('notice not created');
    const [version] = await tx
      .insert(noticeVersions)
      .values({
        noticeId: notice.id,
        version: 1,
        status: 'draft',
        title: cleanText(input.title),
        body: cleanText(input.body),
        areas: areas.areas,
        ...areas.bbox,
        startsAt,
        expectedEndAt,
        changedBy: actorId,
        createdAt: now,
      })
      .returning();
    if (!version) throw new Error('notice version not created');
    const after = presentStaffNotice(notice, version);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'notice.created',
      entityType: 'notice',
      entityId: notice.id,
      after: auditView(after),
    });
    return after;
  });
}
