// The relay: turns public report events into messages, exactly once. In one transaction it locks
// a batch of events not yet notified, writes one message per recipient (the idempotency key
// event × channel × address is unique, so a second run inserts nothing), enqueues a
// `message.send` job for each new message, and marks the events notified. Commit makes all of it
// true at once; a crash before commit leaves the events for the next run.
import type { PgBoss } from 'pg-boss';
import type { Database } from '../../db/client.ts';
import { transactionDb } from '../../jobs/queue.ts';
import { askFixChecks } from './ask-fix-check.ts';
import { type ComposedMessage, composeMessages } from './compose-messages.ts';
import {
  loadPeople,
  loadReports,
  loadTemplateOverrides,
  loadUnsubscribed,
  lockPendingEvents,
  markNotified,
} from './relay-queries.ts';
import { type MessageChannel, messages } from './schema.ts';

export interface RelayDeps {
  db: Database;
  boss: PgBoss;
  publicUrl: string;
  secret: Buffer;
  configured: Record<MessageChannel, boolean>;
  now?: () => Date;
}

const BATCH = 100;
/** Rows per insert statement: far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

export async function relayBatch(
  deps: RelayDeps,
  limit = BATCH,
): Promise<{ events: number; messages: number }> {
  return deps.db.transaction(async (tx) => {
    const events = await lockPendingEvents(tx, limit);
    if (events.length === 0) return { events: 0, messages: 0 };
    const reportIds = [...new Set(events.map((e) => e.report_id))];
    const reports = await loadReports(tx, reportIds);
    const people = await loadPeople(tx, reportIds);
    const emails = people.flatMap((p) => (p.email ? [p.email] : []));
    const context = {
      publicUrl: deps.publicUrl,
      secret: deps.secret,
      configured: deps.configured,
      overrides: await loadTemplateOverrides(tx, [
        ...new Set([...reports.values()].map((r) => r.kommunenummer)),
      ]),
      unsubscribed: await loadUnsubscribed(tx, [...new Set(emails)]),
      now: deps.now?.() ?? new Date(),
    };
    const composed: ComposedMessage[] = [];
    for (const event of events) {
      const report = reports.get(event.report_id);
      if (!report) continue;
      const own = people.filter((p) => p.report_id === event.report_id);
      composed.push(...composeMessages(event, report, own, context));
    }
    const inserted: { id: string; status: string; sendAfter: Date }[] = [];
    for (let i = 0; i < composed.length; i += INSERT_CHUNK) {
      const rows = await tx
        .insert(messages)
        .values(composed.slice(i, i + INSERT_CHUNK).map(({ fixCheckId: _, ...message }) => message))
        .onConflictDoNothing({ target: messages.idempotencyKey })
        .returning({ id: messages.id, status: messages.status, sendAfter: messages.sendAfter });
      inserted.push(...rows);
    }
    // The "is it fixed?" check exists exactly when the message carrying its link does: a relay
    // retried on the same event finds its messages already there (ON CONFLICT DO NOTHING returns
    // nothing for them) and so asks no second time. fix_checks has no event column; the message's
    // idempotency key (event × channel × address) is what makes the check once per event.
    const insertedIds = new Set(inserted.map((m) => m.id));
    await askFixChecks(
      tx,
      composed.flatMap((m) =>
        m.fixCheckId && insertedIds.has(m.id) ? [{ id: m.fixCheckId, reportId: m.reportId }] : [],
      ),
      deps.secret,
    );
    const jobs = inserted
      .filter((m) => m.status === 'queued')
      .map((m) => ({
        data: { messageId: m.id },
        ...(m.sendAfter.getTime() > context.now.getTime() ? { startAfter: m.sendAfter } : {}),
      }));
    for (let i = 0; i < jobs.length; i += INSERT_CHUNK) {
      await deps.boss.insert('message.send', jobs.slice(i, i + INSERT_CHUNK), { db: transactionDb(tx) });
    }
    await markNotified(
      tx,
      events.map((e) => e.id),
    );
    return { events: events.length, messages: inserted.length };
  });
}

/** Runs batches until no event is left (or another process holds the rest). */
export async function relayPending(deps: RelayDeps): Promise<{ events: number; messages: number }> {
  const total = { events: 0, messages: 0 };
  for (;;) {
    const batch = await relayBatch(deps);
    total.events += batch.events;
    total.messages += batch.messages;
    if (batch.events < BATCH) return total;
  }
}
