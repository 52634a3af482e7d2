// One notice as the public sees it, with every public version newest first: the page per notice
// (/{slug}/driftsmeldinger/{id}). Drafts, and versions saved while a draft, are never shown;
// who changed a version is left out on purpose.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { type Language, localize } from '../../shared/language.ts';
import { isUuid } from '../../shared/text.ts';
import type { MultiPolygon, NoticeType } from './schema.ts';
import { notices, noticeVersions } from './schema.ts';

/** Active, upcoming (published, not started), ended, or a boil-water advice lifted. */
export type PublicNoticeStatus = 'active' | 'upcoming' | 'ended' | 'lifted';

export interface PublicNoticeVersion {
  version: number;
  status: 'published' | 'ended';
  title: string;
  body: string;
  startsAt: string;
  expectedEndAt: string | null;
  at: string;
}

export interface PublicNoticeDetail {
  id: string;
  type: NoticeType;
  status: PublicNoticeStatus;
  title: string;
  body: string;
  startsAt: string;
  expectedEndAt: string | null;
  endedAt: string | null;
  areas: MultiPolygon;
  bbox: { minLat: number; minLon: number; maxLat: number; maxLon: number };
  history: PublicNoticeVersion[];
}

export function publicStatus(
  notice: { type: NoticeType; status: string; startsAt: Date },
  now: Date,
): PublicNoticeStatus {
  if (notice.status === 'ended') return notice.type === 'boil_water' ? 'lifted' : 'ended';
  return notice.startsAt.getTime() > now.getTime() ? 'upcoming' : 'active';
}

/** The notice, or undefined when the id is unknown, another municipality's, or a draft. */
export async function getPublicNotice(
  db: Queryable,
  options: { kommunenummer: string; id: string; language: Language; now?: Date },
): Promise<PublicNoticeDetail | undefined> {
  // A notice id is a UUID; anything else cannot be one, and PostgreSQL would reject it as uuid.
  if (!isUuid(options.id)) return undefined;
  const [notice] = await db
    .select()
    .from(notices)
    .where(
      and(
        eq(notices.id, options.id),
        eq(notices.kommunenummer, options.kommunenummer),
        inArray(notices.status, ['published', 'ended']),
      ),
    );
  if (!notice) return undefined;
  const versions = await db
    .select()
    .from(noticeVersions)
    .where(
      and(eq(noticeVersions.noticeId, notice.id), inArray(noticeVersions.status, ['published', 'ended'])),
    )
    .orderBy(desc(noticeVersions.version));
  const latest = versions[0];
  if (!latest) return undefined;
  const language = options.language;
  return {
    id: notice.id,
    type: notice.type,
    status: publicStatus(notice, options.now ?? new Date()),
    title: localize(latest.title, language),
    body: localize(latest.body, language),
    startsAt: notice.startsAt.toISOString(),
    expectedEndAt: notice.expectedEndAt?.toISOString() ?? null,
    endedAt: notice.endedAt?.toISOString() ?? null,
    areas: latest.areas,
    bbox: { minLat: latest.minLat, minLon: latest.minLon, maxLat: latest.maxLat, maxLon: latest.maxLon },
    history: versions.map((v) => ({
      version: v.version,
      status: v.status === 'ended' ? 'ended' : 'published',
      title: localize(v.title, language),
      body: localize(v.body, language),
      startsAt: v.startsAt.toISOString(),
      expectedEndAt: v.expectedEndAt?.toISOString() ?? null,
      at: v.createdAt.toISOString(),
    })),
  };
}
