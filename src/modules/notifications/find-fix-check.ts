// The check a fix-check link names, with what its page shows: the report's reference, category,
// place and the municipality's last public words about it. A token that names no check is 404;
// one older than 60 days is 410 (the question is closed, though the answer page still shows an
// answer given in time).
import { eq, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { isLanguage, type Language, type LocalizedText } from '../../shared/language.ts';
import type { ReportStatus } from '../reports/statuses.ts';
import type { Municipality } from '../tenants/queries.ts';
import { municipalities } from '../tenants/schema.ts';
import { fixCheckMessages } from './fix-check-texts.ts';
import { hashFixCheckToken, isFixCheckToken } from './fix-check-token.ts';

export const FIX_CHECK_VALID_DAYS = 60;

export interface FixCheckView {
  id: string;
  reportId: string;
  ref: string;
  status: ReportStatus;
  category: LocalizedText;
  /** Whether the category shows descriptions and photos publicly. */
  publicCategory: boolean;
  address: string | null;
  /** The municipality's last public words about the report (what was done), if any. */
  lastPublicMessage: string | null;
  askedAt: Date;
  answeredAt: Date | null;
  outcome: 'confirmed' | 'reopened' | null;
  /** The reporter's language, else the municipality's own. */
  language: Language;
  expired: boolean;
  municipality: Municipality;
}

interface Row {
  id: string;
  report_id: string;
  ref: string;
  status: ReportStatus;
  category: LocalizedText;
  public_description: boolean;
  address: string | null;
  last_public_message: string | null;
  asked_at: string | Date;
  answered_at: string | Date | null;
  outcome: 'confirmed' | 'reopened' | null;
  language: string | null;
  expired: boolean;
  kommunenummer: string;
}

export async function findFixCheck(db: Queryable, token: unknown): Promise<FixCheckView> {
  if (!isFixCheckToken(token)) throw linkInvalid();
  const [row] = await queryRows<Row>(
    db,
    sql`select f.id, f.report_id, r.ref, r.status, c.name as category, c.public_description, r.address,
          (select e.message from report_events e
            where e.report_id = r.id and e.public and e.message is not null
              and e.kind in ('status_changed', 'public_reply')
            order by e.id desc limit 1) as last_public_message,
          f.asked_at, f.answered_at, f.outcome, rc.language,
          f.asked_at < now() - make_interval(days => ${FIX_CHECK_VALID_DAYS}) as expired,
          r.kommunenummer
        from fix_checks f
        join reports r on r.id = f.report_id
        join categories c on c.id = r.category_id
        left join report_contacts rc on rc.report_id = r.id
        where f.token_hash = ${hashFixCheckToken(token)}`,
  );
  if (!row) throw linkInvalid();
  const [municipality] = await db
    .select()
    .from(municipalities)
    .where(eq(municipalities.kommunenummer, row.kommunenummer));
  if (!municipality) throw linkInvalid();
  return {
    id: row.id,
    reportId: row.report_id,
    ref: row.ref,
    status: row.status,
    category: row.category,
    publicCategory: row.public_description,
    address: row.address,
    lastPublicMessage: row.last_public_message,
    askedAt: new Date(row.asked_at),
    answeredAt: row.answered_at === null ? null : new Date(row.answered_at),
    outcome: row.outcome,
    language: isLanguage(row.language) ? row.language : municipality.defaultLanguage,
    expired: row.expired,
    municipality,
  };
}

export function linkInvalid(): AppError {
  return new AppError(404, 'fix_check_link_invalid', fixCheckMessages.linkInvalid());
}

export function linkExpired(): AppError {
  return new AppError(410, 'fix_check_link_expired', fixCheckMessages.linkExpired());
}
