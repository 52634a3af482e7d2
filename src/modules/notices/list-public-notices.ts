// What the public sees of a municipality's notices: published and ended ones, never drafts, in
// the asked language with bokmål as fallback. Nothing about who wrote or changed them.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { type Language, localize } from '../../shared/language.ts';
import type { MultiPolygon, NoticeType } from './schema.ts';
import { notices, noticeVersions } from './schema.ts';

export const PUBLIC_LIST_LIMIT = 100;

export interface PublicNotice {
  id: string;
  type: NoticeType;
  status: 'published' | 'ended';
  version: number;
  lifted: boolean;
  title: string;
  body: string;
  startsAt: string;
  expectedEndAt: string | null;
  endedAt: string | null;
  areas: MultiPolygon;
  updatedAt: string;
}

export async function listPublicNotices(
  db: Queryable,
  options: { kommunenummer: string; language: Language; activeOnly: boolean; limit?: number },
): Promise<PublicNotice[]> {
  const statuses: ('published' | 'ended')[] = options.activeOnly ? ['published'] : ['published', 'ended'];
  const rows = await db
    .select({ notice: notices, latest: noticeVersions })
    .from(notices)
    .innerJoin(
      noticeVersions,
      and(eq(noticeVersions.noticeId, notices.id), eq(noticeVersions.version, notices.version)),
    )
    .where(and(eq(notices.kommunenummer, options.kommunenummer), inArray(notices.status, statuses)))
    .orderBy(desc(notices.updatedAt), desc(notices.id))
    .limit(options.limit ?? PUBLIC_LIST_LIMIT);
  return rows.map(({ notice, latest }) => {
    const status = notice.status === 'ended' ? 'ended' : 'published';
    return {
      id: notice.id,
      type: notice.type,
      status,
      version: notice.version,
      lifted: notice.type === 'boil_water' && status === 'ended',
      title: localize(latest.title, options.language),
      body: localize(latest.body, options.language),
      startsAt: notice.startsAt.toISOString(),
      expectedEndAt: notice.expectedEndAt?.toISOString() ?? null,
      endedAt: notice.endedAt?.toISOString() ?? null,
      areas: latest.areas,
      updatedAt: notice.updatedAt.toISOString(),
    };
  });
}
