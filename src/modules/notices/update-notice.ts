// Changing a draft or a published notice: a new version with the changed fields, the status kept.
// An ended notice stays as it ended.
import type { Database } from '../../db/client.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import { checkedAreas, checkWindow, cleanText, refuseNotice } from './check-notice.ts';
import type { NoticeUpdate } from './http-schemas.ts';
import { noticeMessages } from './notice-messages.ts';
import { findNotice, type StaffNotice } from './notice-queries.ts';
import { areasOf, writeVersion } from './write-version.ts';

export async function updateNotice(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
  changes: NoticeUpdate,
): Promise<StaffNotice> {
  const errors: ErrorDetail[] = [];
  const areas = checkedAreas(changes.area, errors);
  if (errors.length > 0) throw refuseNotice(errors);
  return db.transaction(async (tx) => {
    const { notice, latest } = await findNotice(tx, kommunenummer, id, true);
    if (notice.status === 'ended') {
      throw new AppError(409, 'notice_ended', noticeMessages.wrongStatus('update'));
    }
    const startsAt = changes.startsAt ? new Date(changes.startsAt) : notice.startsAt;
    const expectedEndAt =
      changes.expectedEndAt === undefined
        ? notice.expectedEndAt
        : changes.expectedEndAt === null
          ? null
          : new Date(changes.expectedEndAt);
    checkWindow(startsAt, expectedEndAt, errors);
    if (errors.length > 0) throw refuseNotice(errors);
    return writeVersion(tx, {
      actorId,
      action: 'notice.updated',
      notice,
      latest,
      next: {
        status: notice.status,
        title: changes.title ? cleanText(changes.title) : latest.title,
        body: changes.body ? cleanText(changes.body) : latest.body,
        areas: areas ?? areasOf(latest),
        startsAt,
        expectedEndAt,
        endedAt: null,
      },
    });
  });
}
