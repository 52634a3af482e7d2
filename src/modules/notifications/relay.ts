// The relay: turns public report events into messages, exactly once, in batches of bounded size.
// A batch is one transaction. It locks events not yet notified (SKIP LOCKED), takes their next
// recipients — at most `recipients` over all its events, so a notice to 10,000 followers is 20
// batches and never 10,000 messages in memory — writes one message per recipient (the idempotency
// key event × channel × address is unique, so writing one again inserts nothing), enqueues a
// `message.send` job for each new message, and records how far each event came: finished
// (notified_at) or the last follower written (notification_relay_progress). A `received` event
// also makes the team's new-report alert (staff emails), in the same transaction. Commit makes all of
// it true at once: a crash loses the batch in flight and nothing else, and the next run resumes
// after the last committed batch. Each committed batch can be sent while the next is composed.
import type { PgBoss } from 'pg-boss';
import type { Database, Transaction } from '../../db/client.ts';
import { insertJobs } from '../../jobs/registry.ts';
import { askFixChecks } from './ask-fix-check.ts';
import { audienceOf, type ComposedMessage, composeMessages, messageKindOf } from './compose-messages.ts';
import { newReportEmailsFor } from './notify-staff-new-report.ts';
import {
  insertMessages,
  loadPeoplePages,
  loadRelayProgress,
  loadReports,
  loadTemplateOverrides,
  loadUnsubscribed,
  lockPendingEvents,
  markNotified,
  type PendingEvent,
  type PeopleRequest,
  type Person,
  type ReportFacts,
  saveRelayProgress,
} from './relay-queries.ts';
import type { MessageChannel } from './schema.ts';
import { storeStaffEmails } from './staff-message-store.ts';

export interface RelayDeps {
  db: Database;
  boss: PgBoss;
  publicUrl: string;
  secret: Buffer;
  configured: Record<MessageChannel, boolean>;
  now?: () => Date;
  /**
   * Called after a batch that enqueued messages or intake follow-ups has committed: their workers
   * can start on them now.
   */
  onCommitted?: () => void;
}

export interface RelayLimits {
  /** Events locked per batch (many small events share one transaction). */
  events?: number;
  /** Recipients per batch over all its events: what bounds the relay's memory. */
  recipients?: number;
  /** Follower rows one read of recipients may scan (see PEOPLE_ROWS_PER_READ). */
  peopleRowsPerRead?: number;
}

export interface RelayResult {
  /** Events finished: every message they make is written. */
  events: number;
  /** Messages written (not counting ones a previous run had written already). */
  messages: number;
}

const EVENTS_PER_BATCH = 100;
const RECIPIENTS_PER_BATCH = 500;
/** Rows per insert statement (the messages as one JSON parameter, the jobs likewise). */
const INSERT_CHUNK = 500;

/**
 * Follower rows one people statement may read at most (events × recipients per batch): each event
 * reads up to the batch's room whether or not the events before it leave any, so a batch of many
 * large events reads its events a few at a time instead of all at once.
 */
const PEOPLE_ROWS_PER_READ = 12_500;
/** New reports whose team alerts are composed and stored together. */
const ALERT_REPORTS_PER_READ = 25;

/** `loadPeoplePages` over the events a few at a time, each read given the room still left. */
async function loadPeoplePagesWithin(
  tx: Transaction,
  requests: PeopleRequest[],
  maxRecipients: number,
  rowsPerRead = PEOPLE_ROWS_PER_READ,
): Promise<Map<number, Person[]>> {
  const people = new Map<number, Person[]>();
  const perRead = Math.max(1, Math.floor(rowsPerRead / maxRecipients));
  let left = maxRecipients;
  for (let i = 0; i < requests.length && left > 0; i += perRead) {
    for (const [eventId, page] of await loadPeoplePages(tx, requests.slice(i, i + perRead), left)) {
      people.set(eventId, page);
      left -= page.length;
    }
  }
  return people;
}

/** One event's share of a batch: its next recipients, and whether they are its last. */
interface Page {
  event: PendingEvent;
  report: ReportFacts;
  people: Person[];
  complete: boolean;
}

/** One batch; `more` says whether events may be waiting (run another). */
export async function relayBatch(
  deps: RelayDeps,
  limits: RelayLimits = {},
): Promise<RelayResult & { more: boolean }> {
  const maxEvents = limits.events ?? EVENTS_PER_BATCH;
  const maxRecipients = limits.recipients ?? RECIPIENTS_PER_BATCH;
  return deps.db.transaction(async (tx) => {
    const events = await lockPendingEvents(tx, maxEvents);
    if (events.length === 0) return { events: 0, messages: 0, more: false };
    const reports = await loadReports(tx, [...new Set(events.map((e) => e.report_id))]);
    // Read after the lock, in a statement of its own: it is the progress the last holder committed.
    const progress = await loadRelayProgress(
      tx,
      events.map((e) => e.id),
    );
    const pages: Page[] = [];
    const finished: number[] = [];
    // Events that make no message (no such kind, report gone) are finished as they are.
    const wanted = new Map<number, { report: ReportFacts; request: PeopleRequest }>();
    for (const event of events) {
      const kind = messageKindOf(event);
      const report = reports.get(event.report_id);
      if (!kind || !report) continue;
      const cursor = progress.get(event.id) ?? { started: false as const };
      wanted.set(event.id, {
        report,
        request: { eventId: event.id, reportId: event.report_id, audience: audienceOf(kind), cursor },
      });
    }
    const people = await loadPeoplePagesWithin(
      tx,
      [...wanted.values()].map((w) => w.request),
      maxRecipients,
      limits.peopleRowsPerRead,
    );
    let room = maxRecipients;
    for (const event of events) {
      // The batch is full; the remaining events stay pending for the next one.
      if (room === 0) break;
      const want = wanted.get(event.id);
      if (!want) {
        finished.push(event.id);
        continue;
      }
      // Each event got what the events before it left (loadPeoplePages): fewer than that room
      // means these were its last.
      const page = people.get(event.id) ?? [];
      const complete = page.length < room;
      room -= page.length;
      pages.push({ event, report: want.report, people: page, complete });
      if (complete) finished.push(event.id);
    }
    const written = await writeMessages(tx, deps, pages);
    // A new report's team alert goes with its receipt: in the batch that finishes the event (the
    // emails' idempotency keys make it once, should a batch be retried).
    const received = events
      .filter((event) => event.kind === 'received' && finished.includes(event.id))
      .map((event) => event.report_id);
    // A few reports' alerts at a time: 100 acute reports to a team of 40 are 4,000 emails.
    for (let i = 0; i < received.length; i += ALERT_REPORTS_PER_READ) {
      await storeStaffEmails(
        tx,
        { boss: deps.boss, emailConfigured: deps.configured.email },
        await newReportEmailsFor(tx, deps.publicUrl, received.slice(i, i + ALERT_REPORTS_PER_READ)),
      );
    }
    // What a new report may still need after intake (a notice that explains it, an incident) is a
    // job of its own, enqueued here rather than by intake: the intake transaction stays short.
    await insertJobs(
      deps.boss,
      'reports.intake-followup',
      received.map((reportId) => ({ data: { reportId } })),
      tx,
    );
    for (const page of pages) {
      if (!page.complete) {
        await saveRelayProgress(tx, page.event.id, page.people.at(-1)?.follower_id ?? null);
      }
    }
    await markNotified(tx, finished);
    return {
      events: finished.length,
      messages: written,
      more: finished.length < events.length || events.length === maxEvents,
    };
  });
}

/** Composes and stores the batch's messages, their "is it fixed?" checks and their send jobs. */
async function writeMessages(tx: Transaction, deps: RelayDeps, pages: Page[]): Promise<number> {
  if (pages.length === 0) return 0;
  const emails = pages.flatMap((page) => page.people.flatMap((p) => (p.email ? [p.email] : [])));
  const context = {
    publicUrl: deps.publicUrl,
    secret: deps.secret,
    configured: deps.configured,
    overrides: await loadTemplateOverrides(tx, [...new Set(pages.map((p) => p.report.kommunenummer))]),
    unsubscribed: await loadUnsubscribed(tx, [...new Set(emails)]),
    now: deps.now?.() ?? new Date(),
  };
  const composed: ComposedMessage[] = pages.flatMap((page) =>
    composeMessages(page.event, page.report, page.people, context),
  );
  const inserted = [];
  for (let i = 0; i < composed.length; i += INSERT_CHUNK) {
    const chunk = composed.slice(i, i + INSERT_CHUNK).map(({ fixCheckId: _, ...message }) => message);
    inserted.push(...(await insertMessages(tx, chunk)));
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
    await insertJobs(deps.boss, 'message.send', jobs.slice(i, i + INSERT_CHUNK), tx);
  }
  return inserted.length;
}

/** Runs batches until no event is left (or another process holds the rest). */
export async function relayPending(deps: RelayDeps, limits: RelayLimits = {}): Promise<RelayResult> {
  const total = { events: 0, messages: 0 };
  for (;;) {
    const batch = await relayBatch(deps, limits);
    // Finished events may have enqueued intake follow-ups even where they wrote no message.
    if (batch.messages > 0 || batch.events > 0) deps.onCommitted?.();
    total.events += batch.events;
    total.messages += batch.messages;
    if (!batch.more) return total;
  }
}
