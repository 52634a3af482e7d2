// Tells the people working on a report that its reporter says it is not fixed: every active member
// of the report's team, and its assignee, by email, through the same messages table and
// `message.send` jobs as everything else, in the same transaction as the reopening. The key
// `fix_reopened:{checkId}:email:{address}` makes a second run of it insert nothing.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import { queryRows, type Transaction } from '../../db/client.ts';
import { insertJobs } from '../../jobs/registry.ts';
import { isLanguage, type Language, localize } from '../../shared/language.ts';
import type { FixCheckView } from './find-fix-check.ts';
import { reopenedStaffText } from './fix-check-texts.ts';
import { escapeHtml } from './render-message.ts';
import { messages } from './schema.ts';

export async function notifyTeamOfReopen(
  tx: Transaction,
  deps: { boss: PgBoss; publicUrl: string; emailConfigured: boolean },
  check: FixCheckView,
): Promise<number> {
  const staff = await queryRows<{ email: string; language: string }>(
    tx,
    sql`select distinct u.email, u.language from staff_users u, reports r
         where r.id = ${check.reportId}::uuid and u.active
           and (u.id = r.assignee_id
             or u.id in (select m.user_id from team_members m where m.team_id = r.team_id))
           and exists (select 1 from staff_roles s where s.user_id = u.id and s.kommunenummer = r.kommunenummer)
         order by u.email`,
  );
  if (staff.length === 0) return 0;
  const kommunenummer = check.municipality.kommunenummer;
  const link = `${deps.publicUrl}/admin/m/${kommunenummer}/reports/${check.reportId}`;
  const rows = staff.map((person) => {
    const language: Language = isLanguage(person.language) ? person.language : 'nb';
    const text = reopenedStaffText[language];
    const subject = text.subject(check.ref);
    const body = text.body(check.ref, localize(check.category, language), link);
    return {
      id: randomUUID(),
      kommunenummer,
      idempotencyKey: `fix_reopened:${check.id}:email:${person.email.toLowerCase()}`,
      kind: 'fix_reopened',
      reportId: check.reportId,
      reportEventId: null,
      channel: 'email' as const,
      recipient: person.email,
      language,
      subject,
      bodyText: `${body}\n`,
      bodyHtml: staffHtml(language, subject, body),
      status: deps.emailConfigured ? ('queued' as const) : ('outbox' as const),
    };
  });
  const inserted = await tx
    .insert(messages)
    .values(rows)
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning({ id: messages.id, status: messages.status });
  const jobs = inserted.filter((m) => m.status === 'queued').map((m) => ({ data: { messageId: m.id } }));
  await insertJobs(deps.boss, 'message.send', jobs, tx);
  return inserted.length;
}

/**
 * The link a paragraph ends with ("Åpne saken: https://…"), if it ends with one. Found from the
 * paragraph's last word, so no regular expression has to scan back and forth over the text.
 */
function trailingLink(paragraph: string): string | undefined {
  const lastWord = paragraph.split(/\s/).at(-1) ?? '';
  const start = /https?:\/\//.exec(lastWord)?.index;
  return start === undefined ? undefined : lastWord.slice(start);
}

function staffHtml(language: Language, subject: string, body: string): string {
  const paragraphs = body.split('\n\n').map((p) => {
    const link = trailingLink(p);
    if (!link) return `<p>${escapeHtml(p)}</p>`;
    const label = p.slice(0, p.length - link.length);
    return `<p>${escapeHtml(label)}<a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`;
  });
  return [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; max-width: 40em">',
    ...paragraphs,
    '</body></html>',
  ].join('\n');
}
