// Loads a demo municipality's notices, published, with times relative to now. Rows are written
// directly, as a published version 1 without a staff author, and without a fan-out row
// (notice_fanouts): seeding sends nothing to anyone. Skipped when the municipality has any
// notice already (an earlier start's, or its staff's own), so a restart adds nothing.
import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import type { LocalizedText } from '../../shared/language.ts';
import { type AreaInput, normalizeAreas } from './areas.ts';
import { type NoticeType, notices, noticeVersions } from './schema.ts';

export interface DemoNotice {
  type: NoticeType;
  /** Hours from seeding; negative: already started. */
  startsInHours: number;
  endsInHours: number;
  title: LocalizedText;
  body: LocalizedText;
  area: AreaInput;
}

const HOUR_MS = 3600_000;

/** Returns how many notices it added. */
export async function seedDemoNotices(
  db: Database,
  kommunenummer: string,
  demo: readonly DemoNotice[],
  now: Date = new Date(),
): Promise<number> {
  if (demo.length === 0) return 0;
  const [existing] = await db
    .select({ id: notices.id })
    .from(notices)
    .where(eq(notices.kommunenummer, kommunenummer))
    .limit(1);
  if (existing) return 0;
  return db.transaction(async (tx) => {
    for (const item of demo) {
      const areas = normalizeAreas(item.area);
      if (!areas.ok) throw new Error(`demo notice "${item.title.nb}": ${JSON.stringify(areas.errors)}`);
      const startsAt = new Date(now.getTime() + item.startsInHours * HOUR_MS);
      const expectedEndAt = new Date(now.getTime() + item.endsInHours * HOUR_MS);
      const [notice] = await tx
        .insert(notices)
        .values({
          kommunenummer,
          type: item.type,
          status: 'published',
          startsAt,
          expectedEndAt,
          version: 1,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: notices.id });
      if (!notice) throw new Error('demo notice not created');
      await tx.insert(noticeVersions).values({
        noticeId: notice.id,
        version: 1,
        status: 'published',
        title: item.title,
        body: item.body,
        areas: areas.value.areas,
        ...areas.value.bbox,
        startsAt,
        expectedEndAt,
        changedBy: null,
        createdAt: now,
      });
    }
    return demo.length;
  });
}
