// A draft becomes public: a new version with status published, its content as the draft left it.
import type { Database } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { noticeMessages } from './notice-messages.ts';
import { findNotice, type StaffNotice } from './notice-queries.ts';
import { areasOf, writeVersion } from './write-version.ts';

export async function publishNotice(
  db: Database,
  actorId: string,
  kommunenummer: string,
  id: string,
): Promise<StaffNotice> {
  return db.transaction(async (tx) => {
    const { notice, latest } = await findNotice(tx, kommunenummer, id, true);
    if (notice.status !== 'draft') {
      throw new AppError(409, 'notice_not_draft', noticeMessages.wrongStatus('publish'));
    }
    return writeVersion(tx, {
      actorId,
      action: 'notice.published',
      notice,
      latest,
      next: {
        status: 'published',
        title: latest.title,
        body: latest.body,
        areas: areasOf(latest),
        startsAt: notice.startsAt,
        expectedEndAt: notice.expectedEndAt,
        endedAt: null,
      },
    });
  });
}
