// The reply templates a case handler may start from for one report: the municipality's active
// templates for the report's status and category (or for any), in the reporter's language, with
// the report's details filled in.
import { sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { isLanguage, type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { isUuid } from '../../shared/text.ts';
import { type ReportStatus, STATUS_INFO } from '../reports/statuses.ts';
import { type CaseActor, reportNotFound } from './case-changes.ts';
import { renderReplyTemplate } from './render-reply-template.ts';

export interface RenderedTemplate {
  id: string;
  name: string;
  text: string;
}

interface ReportForReply {
  ref: string;
  status: ReportStatus;
  address: string | null;
  categoryName: LocalizedText;
  municipalityName: string;
  language: string;
}

export async function listReplyTemplates(
  db: Database,
  actor: CaseActor,
  reportId: string,
  /** The status the reply goes out with, when it changes with it; else the report's current one. */
  forStatus?: ReportStatus,
): Promise<{ templates: RenderedTemplate[] }> {
  if (!isUuid(reportId)) throw reportNotFound();
  const [report] = await queryRows<ReportForReply>(
    db,
    sql`select r.ref, r.status, r.address, c.name as "categoryName", m.name as "municipalityName",
        coalesce(rc.language, m.default_language) as language
      from reports r
      join categories c on c.id = r.category_id
      join municipalities m on m.kommunenummer = r.kommunenummer
      left join report_contacts rc on rc.report_id = r.id
      where r.id = ${reportId}::uuid and r.kommunenummer = ${actor.kommunenummer}`,
  );
  if (!report) throw reportNotFound();
  const rows = await queryRows<{ id: string; name: string; body: LocalizedText }>(
    db,
    sql`select t.id, t.name, t.body from reply_templates t join reports r on r.id = ${reportId}::uuid
      where t.kommunenummer = ${actor.kommunenummer} and t.active
        and (t.status is null or t.status = coalesce(${forStatus ?? null}::text, r.status))
        and (t.category_id is null or t.category_id = r.category_id)
      order by t.sort_order, t.name, t.id`,
  );
  const language: Language = isLanguage(report.language) ? report.language : 'nb';
  const values = {
    ref: report.ref,
    category: localize(report.categoryName, language),
    address: report.address ?? '',
    status: STATUS_INFO[forStatus ?? report.status].label[language],
    municipality: report.municipalityName,
  };
  return {
    templates: rows.map((t) => ({
      id: t.id,
      name: t.name,
      text: renderReplyTemplate(localize(t.body, language), values),
    })),
  };
}
