// A new report inside an active notice that explains it (its category names the notice's type:
// discoloured water during flushing, no water during a shut-off) is linked to the notice and gets
// a public reply pointing there, so the reporter — and, through the relay, every follower — learns
// at once that the municipality knows. Runs in the worker after intake (the intake transaction
// stays as it is; see intake-followup.ts), exactly once per report: the report row is locked and a
// report that has a link already is left alone, so a job run twice adds nothing.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { isLanguage } from '../../shared/language.ts';
import { addEvent } from '../cases/case-changes.ts';
import { linkedReplyText } from './linked-report-texts.ts';
import { noticesAtPoint } from './notices-at-point.ts';
import { noticeReportLinks } from './schema.ts';

interface ReportForLinking {
  kommunenummer: string;
  lat: number | null;
  lon: number | null;
  notice_types: string[];
  slug: string;
  language: string;
  open: boolean;
}

export interface LinkResult {
  noticeId: string;
}

/** Links the report to the notice that explains it, if there is one; undefined otherwise. */
export async function linkReportToNotice(
  db: Database,
  publicUrl: string,
  reportId: string,
  now: Date = new Date(),
): Promise<LinkResult | undefined> {
  return db.transaction(async (tx) => {
    const [report] = await queryRows<ReportForLinking>(
      tx,
      sql`select r.kommunenummer, r.lat, r.lon, c.notice_types, m.slug,
                 coalesce(rc.language, m.default_language) as language,
                 (r.merged_into_id is null and r.status in ('mottatt', 'under_behandling', 'planlagt')) as open
            from reports r
            join categories c on c.id = r.category_id
            join municipalities m on m.kommunenummer = r.kommunenummer
            left join report_contacts rc on rc.report_id = r.id
           where r.id = ${reportId}
             for update of r`,
    );
    if (!report?.open || report.lat === null || report.lon === null) return undefined;
    if (report.notice_types.length === 0) return undefined;
    const [linked] = await queryRows<{ notice_id: string }>(
      tx,
      sql`select notice_id from notice_report_links where report_id = ${reportId} limit 1`,
    );
    if (linked) return undefined;
    const language = isLanguage(report.language) ? report.language : 'nb';
    const explaining = (
      await noticesAtPoint(tx, {
        kommunenummer: report.kommunenummer,
        point: { lat: report.lat, lon: report.lon },
        language,
      })
    ).filter((n) => report.notice_types.includes(n.type) && Date.parse(n.startsAt) <= now.getTime());
    // Ordered by start: the latest to start is the one the resident most likely notices now.
    const notice = explaining.at(-1);
    if (!notice) return undefined;
    await tx.insert(noticeReportLinks).values({ noticeId: notice.id, reportId }).onConflictDoNothing();
    const url = `${publicUrl}/${report.slug}/driftsmeldinger/${notice.id}`;
    await addEvent(tx, reportId, 'system', {
      kind: 'public_reply',
      public: true,
      message: linkedReplyText(language, { title: notice.title, url }),
      after: { noticeId: notice.id },
    });
    return { noticeId: notice.id };
  });
}
