// "Follow it instead": adds a person to a report's followers, so they hear about its updates.
// Following twice with the same address changes nothing.
import { eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { AppError } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import { checkContact } from './contact.ts';
import { reportFollowers, reports } from './schema.ts';

export async function followReport(
  db: Queryable,
  ref: string,
  input: { email?: string | undefined; phone?: string | undefined; language: Language },
): Promise<{ followers: number }> {
  const [report] = await db.select({ id: reports.id }).from(reports).where(eq(reports.ref, ref));
  if (!report) throw new AppError(404, 'report_not_found', messages.reportNotFound(ref));
  const { contact, errors } = checkContact(
    { email: input.email, phone: input.phone, notify: 'none', language: input.language },
    { required: true, categoryName: { nb: ref }, fallbackLanguage: input.language },
  );
  if (errors.length > 0 || !contact) {
    const details = errors.map((e) =>
      e.field === 'contact' ? { ...e, message: messages.followNeedsContact() } : e,
    );
    throw new AppError(422, 'invalid_follower', messages.followNeedsContact(), details);
  }
  await db
    .insert(reportFollowers)
    .values({ reportId: report.id, email: contact.email, phone: contact.phone, language: contact.language })
    .onConflictDoNothing();
  return { followers: await countFollowers(db, report.id) };
}

export async function countFollowers(db: Queryable, reportId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reportFollowers)
    .where(eq(reportFollowers.reportId, reportId));
  return row?.n ?? 0;
}
