// The one reminder of an unanswered "is it really fixed?" question: after the municipality's
// fix_reminder_days (default 7) the reporter gets the same link once more, on the channel they
// chose. Run hourly by a pg-boss schedule (see start-notifications.ts). Never a second reminder:
// reminded_at is set in the transaction that writes the message, and the message's key
// `fix_reminder:{checkId}` is unique, so a rerun, or two processes at once, remind once.
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import { insertJobs } from '../../jobs/registry.ts';
import type { Language } from '../../shared/language.ts';
import type { NotifyChannel } from '../reports/statuses.ts';
import { type ComposeContext, composeFor, type NewMessage, recipientsOf } from './compose-messages.ts';
import { FIX_CHECK_VALID_DAYS } from './find-fix-check.ts';
import type { RelayDeps } from './relay.ts';
import { loadReports, loadTemplateOverrides, loadUnsubscribed } from './relay-queries.ts';
import { messages } from './schema.ts';

const BATCH = 100;

interface DueCheck {
  id: string;
  report_id: string;
  email: string | null;
  phone: string | null;
  notify: NotifyChannel;
  language: Language;
}

/** Reminds one batch; returns how many checks were reminded and how many messages written. */
export async function remindFixChecks(
  deps: RelayDeps,
  limit = BATCH,
): Promise<{ checks: number; messages: number }> {
  return deps.db.transaction(async (tx) => {
    // Unanswered, not reminded, old enough but not expired, and the report still done: a report
    // staff took up again needs no "is it fixed?" question.
    const due = await queryRows<DueCheck>(
      tx,
      sql`select f.id, f.report_id, c.email, c.phone, c.notify, c.language
            from fix_checks f
            join reports r on r.id = f.report_id
            join report_contacts c on c.report_id = r.id
            left join notification_settings s on s.kommunenummer = r.kommunenummer
           where f.answered_at is null and f.reminded_at is null and r.status = 'utfort'
             and c.notify <> 'none'
             and f.asked_at <= now() - make_interval(days => coalesce(s.fix_reminder_days, 7)::int)
             and f.asked_at > now() - make_interval(days => ${FIX_CHECK_VALID_DAYS})
           order by f.asked_at limit ${limit}
           for update of f skip locked`,
    );
    if (due.length === 0) return { checks: 0, messages: 0 };
    const reports = await loadReports(tx, [...new Set(due.map((d) => d.report_id))]);
    const emails = due.flatMap((d) => (d.email ? [d.email] : []));
    const context: ComposeContext = {
      publicUrl: deps.publicUrl,
      secret: deps.secret,
      configured: deps.configured,
      overrides: await loadTemplateOverrides(tx, [
        ...new Set([...reports.values()].map((r) => r.kommunenummer)),
      ]),
      unsubscribed: await loadUnsubscribed(tx, [...new Set(emails)]),
      now: deps.now?.() ?? new Date(),
    };
    const composed: NewMessage[] = [];
    for (const check of due) {
      const report = reports.get(check.report_id);
      if (!report) continue;
      const [recipient] = recipientsOf([{ ...check, role: 'reporter' }], context.unsubscribed);
      if (!recipient) continue;
      composed.push(
        composeFor(report, 'fix_reminder', recipient, context, {
          reportEventId: null,
          idempotencyKey: `fix_reminder:${check.id}`,
          status: report.status,
          message: '',
          fixCheckId: check.id,
        }),
      );
    }
    const inserted =
      composed.length === 0
        ? []
        : await tx
            .insert(messages)
            .values(composed)
            .onConflictDoNothing({ target: messages.idempotencyKey })
            .returning({ id: messages.id, status: messages.status, sendAfter: messages.sendAfter });
    const jobs = inserted
      .filter((m) => m.status === 'queued')
      .map((m) => ({
        data: { messageId: m.id },
        ...(m.sendAfter.getTime() > context.now.getTime() ? { startAfter: m.sendAfter } : {}),
      }));
    await insertJobs(deps.boss, 'message.send', jobs, tx);
    await tx.execute(
      sql`update fix_checks set reminded_at = now() where id in (${sql.join(
        due.map((d) => sql`${d.id}::uuid`),
        sql`, `,
      )})`,
    );
    return { checks: due.length, messages: inserted.length };
  });
}

/** Runs batches until none is left. */
export async function remindAllFixChecks(deps: RelayDeps): Promise<{ checks: number; messages: number }> {
  const total = { checks: 0, messages: 0 };
  for (;;) {
    const batch = await remindFixChecks(deps);
    total.checks += batch.checks;
    total.messages += batch.messages;
    if (batch.checks < BATCH) return total;
  }
}
