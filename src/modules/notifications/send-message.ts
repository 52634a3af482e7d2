// Sends a batch of messages through their channels. A message is marked sent only after the
// provider took it, and only while it is still queued, so a second run of the same job sends
// nothing. The batch is read with one query and sent concurrently (each channel bounds its own
// concurrency: the SMTP pool's connections, the SMS gateway's requests in flight). Accepted
// messages are marked sent as they come in, a group per statement: each waits at most for the
// statement already running, not for the rest of the batch. What is left is the window between the
// provider accepting and that update committing (see docs/notifications.md): the Message-ID header
// and the gateway `reference` are the message id, so a resend in that window is recognisable
// downstream. Failures are written together at the end of the batch.
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { webText } from '../../i18n/web.ts';
import type { Language } from '../../shared/language.ts';
import { municipalities } from '../tenants/schema.ts';
import { type MessageChannelAdapter, PermanentError } from './channels.ts';
import { type MessageChannel, type MessageStatus, messages } from './schema.ts';
import { issueStopToken, stopUrl } from './stop-token.ts';

export interface SendDeps {
  db: Database;
  channels: Partial<Record<MessageChannel, MessageChannelAdapter>>;
  publicUrl: string;
  secret: Buffer;
  now?: () => Date;
}

export type SendOutcome =
  | { result: 'sent' | 'skipped' | 'outbox' | 'failed' }
  | { result: 'later'; at: Date }
  | { result: 'retry'; error: Error };

export interface SendRequest {
  messageId: string;
  /** pg-boss will not retry this job again, so a transient failure now is final. */
  lastAttempt: boolean;
}

interface MessageRow {
  id: string;
  kind: string;
  channel: MessageChannel;
  recipient: string;
  language: Language;
  subject: string | null;
  bodyText: string;
  bodyHtml: string | null;
  status: MessageStatus;
  sendAfter: Date;
  municipalityName: string;
  defaultLanguage: Language;
  contactEmail: string | null;
}

/** Messages to staff (alerts, password resets) have no "stop updates about this report" link. */
function isResidentMessage(kind: string): boolean {
  return !kind.startsWith('staff_') && kind !== 'password_reset';
}

/**
 * Sends what these jobs ask for; the outcomes are in the order of `requests`. A 'retry' outcome
 * is for the caller to fail its job with. A message asked for twice in one batch is sent once.
 */
export async function sendMessages(deps: SendDeps, requests: readonly SendRequest[]): Promise<SendOutcome[]> {
  const ids = [...new Set(requests.map((r) => r.messageId))];
  const rows = ids.length === 0 ? [] : await loadMessages(deps.db, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const now = deps.now?.() ?? new Date();
  const outcomes = new Map<SendRequest, SendOutcome>();
  const toOutbox: string[] = [];
  const toSend: { request: SendRequest; row: MessageRow; channel: MessageChannelAdapter }[] = [];
  const claimed = new Set<string>();
  for (const request of requests) {
    const row = byId.get(request.messageId);
    // Gone, already sent, failed or delivered, or a second job for it in this batch: nothing to do.
    if (row?.status !== 'queued' || claimed.has(row.id)) {
      outcomes.set(request, { result: 'skipped' });
      continue;
    }
    claimed.add(row.id);
    if (row.sendAfter.getTime() > now.getTime()) {
      outcomes.set(request, { result: 'later', at: row.sendAfter });
      continue;
    }
    const channel = deps.channels[row.channel];
    if (!channel) {
      // The provider was unconfigured after the message was queued: keep it for the admin to read.
      toOutbox.push(row.id);
      outcomes.set(request, { result: 'outbox' });
      continue;
    }
    toSend.push({ request, row, channel });
  }
  if (toOutbox.length > 0) {
    await deps.db
      .update(messages)
      .set({ status: 'outbox' })
      .where(sql`${inArray(messages.id, toOutbox)} and ${messages.status} = 'queued'`);
  }

  const marker = groupWriter((sent: { id: string; providerId: string | null }[]) => markSent(deps.db, sent));
  const attempts = await Promise.all(
    toSend.map(async ({ request, row, channel }) => {
      try {
        const sent = await channel.send(outgoing(deps, row));
        marker.add({ id: row.id, providerId: sent.providerId ?? null });
        return { request, id: row.id, ok: true as const };
      } catch (error) {
        return { request, id: row.id, ok: false as const, error };
      }
    }),
  );
  // A failed update fails the batch: its jobs are retried, and what is still queued is sent again.
  await marker.flush();
  for (const { request } of attempts.filter((a) => a.ok)) outcomes.set(request, { result: 'sent' });

  const failures = attempts.flatMap((a) => {
    if (a.ok) return [];
    const error = a.error instanceof Error ? a.error : new Error(String(a.error));
    return [{ ...a, error, final: a.error instanceof PermanentError || a.request.lastAttempt }];
  });
  await markFailed(deps.db, failures);
  for (const { request, error, final } of failures) {
    outcomes.set(request, final ? { result: 'failed' } : { result: 'retry', error });
  }
  return requests.map((request) => outcomes.get(request) ?? { result: 'skipped' });
}

async function loadMessages(db: Database, ids: string[]): Promise<MessageRow[]> {
  return db
    .select({
      id: messages.id,
      kind: messages.kind,
      channel: messages.channel,
      recipient: messages.recipient,
      language: messages.language,
      subject: messages.subject,
      bodyText: messages.bodyText,
      bodyHtml: messages.bodyHtml,
      status: messages.status,
      sendAfter: messages.sendAfter,
      municipalityName: municipalities.name,
      defaultLanguage: municipalities.defaultLanguage,
      contactEmail: municipalities.contactEmail,
    })
    .from(messages)
    .innerJoin(municipalities, eq(municipalities.kommunenummer, messages.kommunenummer))
    .where(inArray(messages.id, ids));
}

function outgoing(deps: SendDeps, row: MessageRow) {
  return {
    id: row.id,
    channel: row.channel,
    recipient: row.recipient,
    subject: row.subject,
    bodyText: row.bodyText,
    bodyHtml: row.bodyHtml,
    senderName: webText(row.defaultLanguage).layout.municipality(row.municipalityName),
    replyTo: row.contactEmail,
    stopUrl: isResidentMessage(row.kind)
      ? stopUrl(deps.publicUrl, issueStopToken(deps.secret, row.id), row.language)
      : undefined,
  };
}

/**
 * Writes items in groups as they arrive: while one write runs, the next items gather and go in
 * the following one. `flush` waits for everything added so far and throws the first failure.
 */
function groupWriter<T>(write: (items: T[]) => Promise<void>): {
  add(item: T): void;
  flush(): Promise<void>;
} {
  let pending: T[] = [];
  let running: Promise<void> | undefined;
  let failure: unknown;
  const start = (): void => {
    if (running || failure !== undefined || pending.length === 0) return;
    const items = pending;
    pending = [];
    running = write(items)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        running = undefined;
        // What arrived meanwhile goes in the next statement.
        start();
      });
  };
  return {
    add(item) {
      pending.push(item);
      start();
    },
    async flush() {
      while (running) await running;
      if (failure !== undefined) throw failure;
    },
  };
}

/** `(values (…), (…)) as name(columns)`: one row of parameters per item, for an update … from. */
function valuesList(rows: SQL[][], name: string): SQL {
  return sql`(values ${sql.join(
    rows.map((row) => sql`(${sql.join(row, sql`, `)})`),
    sql`, `,
  )}) as ${sql.raw(name)}`;
}

/** The provider took these: one statement for all of them, and only where still queued. */
async function markSent(db: Database, sent: { id: string; providerId: string | null }[]): Promise<void> {
  if (sent.length === 0) return;
  const values = valuesList(
    sent.map((s) => [sql`${s.id}::uuid`, sql`${s.providerId}::text`]),
    'v(id, provider_id)',
  );
  await db.execute(
    sql`update messages m
           set status = 'sent', sent_at = now(), provider_id = v.provider_id, attempts = m.attempts + 1
          from ${values}
         where m.id = v.id and m.status = 'queued'`,
  );
}

/** Counts a failed try on each; a permanent refusal or the last try also marks it failed. */
async function markFailed(
  db: Database,
  failures: { id: string; error: Error; final: boolean }[],
): Promise<void> {
  if (failures.length === 0) return;
  const values = valuesList(
    failures.map((f) => [
      sql`${f.id}::uuid`,
      sql`${f.error.message.slice(0, 1000)}::text`,
      sql`${f.final}::boolean`,
    ]),
    'v(id, reason, final)',
  );
  await db.execute(
    sql`update messages m
           set attempts = m.attempts + 1, last_error = v.reason,
               status = case when v.final then 'failed' else m.status end,
               failed_at = case when v.final then now() else m.failed_at end
          from ${values}
         where m.id = v.id and m.status = 'queued'`,
  );
}
