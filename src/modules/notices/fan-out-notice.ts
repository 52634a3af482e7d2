// The fan-out: turns a published, updated or ended notice version into one message per subscriber
// inside its areas and per confirmed channel, exactly once, in batches of bounded size. Modelled on
// the report-event relay (notifications/relay.ts). A batch is one transaction: it locks the oldest
// pending fan-out (SKIP LOCKED); one statement takes the next page of candidates in the version's
// bounding box (the GiST index), keeps those exactly inside the areas (holes respected) and writes
// their messages (ON CONFLICT on the idempotency key notice × version × subscriber × channel:
// nothing twice); then the batch writes their send jobs (`message.send-group`, a hundred messages
// each) and records how far it came. Vulnerable subscribers are a pass of their own, first, and
// their send jobs carry a higher priority, so they are sent first too. A crash loses the batch in
// flight only; the next run resumes after the last committed one.
import type { PgBoss } from 'pg-boss';
import type { Database } from '../../db/client.ts';
import { insertJobs } from '../../jobs/registry.ts';
import type { MessageChannel } from '../notifications/schema.ts';
import { noticeSendAfter, noticeTexts } from './compose-notice-message.ts';
import {
  loadFanoutVersion,
  lockPendingFanout,
  saveFanoutProgress,
  writeNoticeMessagePage,
} from './fan-out-queries.ts';

export interface FanoutDeps {
  db: Database;
  boss: PgBoss;
  publicUrl: string;
  configured: Record<MessageChannel, boolean>;
  now?: () => Date;
  /** Called after a batch that enqueued messages has committed: the send workers can start. */
  onCommitted?: () => void;
}

export interface FanoutLimits {
  /** Candidates (subscribers in the bounding box) read per transaction: what bounds memory. */
  subscribers?: number;
}

export interface FanoutBatchResult {
  /** Messages written in this batch. */
  messages: number;
  /** Whether a fan-out was found (run another batch). */
  more: boolean;
}

/**
 * Each batch reads the bounding box through the GiST index and sorts its rows by id to take the
 * next page, so a batch costs about the box's size: fewer, larger batches took the candidate reads
 * of a 60,000-subscriber box from 2.1 s (2,000 per batch) to 0.9 s (5,000), and 20,000 took the
 * whole fan-out of 30,000 messages from 4.3 s to 3.2–3.6 s, for 16 MiB more worker memory (225 MiB
 * peak; bench/notice-fanout.ts). Since the batch is one statement (fan-out-queries.ts), a batch
 * of 20,000 candidates writes its ~10,000 messages in 350–400 ms, and the worker holds only their ids.
 */
const SUBSCRIBERS_PER_BATCH = 20_000;
/** Messages whose send jobs are written in one statement (ten jobs of a hundred). */
const JOB_INSERT_CHUNK = 1000;
/** Messages per send job. */
const SEND_GROUP = 100;
/** Vulnerable subscribers' send jobs are fetched before everything else queued. */
const VULNERABLE_PRIORITY = 10;

/**
 * One send job per group of messages due at the same time, instead of one per message: a pg-boss
 * job costs about as much to write as the message itself, and 30,000 of them doubled the fan-out.
 */
function sendGroups(
  inserted: readonly { id: string; status: string; sendAfter: Date }[],
  now: Date,
  vulnerable: boolean,
): { data: { messageIds: string[] }; startAfter?: Date; priority?: number }[] {
  const byTime = new Map<number, string[]>();
  for (const message of inserted) {
    if (message.status !== 'queued') continue;
    const at = Math.max(message.sendAfter.getTime(), now.getTime());
    const ids = byTime.get(at) ?? [];
    ids.push(message.id);
    byTime.set(at, ids);
  }
  const groups: { data: { messageIds: string[] }; startAfter?: Date; priority?: number }[] = [];
  for (const [at, ids] of byTime) {
    for (let i = 0; i < ids.length; i += SEND_GROUP) {
      groups.push({
        data: { messageIds: ids.slice(i, i + SEND_GROUP) },
        ...(vulnerable ? { priority: VULNERABLE_PRIORITY } : {}),
        ...(at > now.getTime() ? { startAfter: new Date(at) } : {}),
      });
    }
  }
  return groups;
}

export async function fanOutBatch(deps: FanoutDeps, limits: FanoutLimits = {}): Promise<FanoutBatchResult> {
  const limit = limits.subscribers ?? SUBSCRIBERS_PER_BATCH;
  return deps.db.transaction(async (tx) => {
    const fanout = await lockPendingFanout(tx);
    if (!fanout) return { messages: 0, more: false };
    const loaded = await loadFanoutVersion(tx, fanout.notice_id, fanout.version);
    // A draft is never fanned out (write-version.ts writes no row for one); should one appear, it ends here.
    if (!loaded || loaded.status === 'draft') {
      await saveFanoutProgress(tx, fanout, { vulnerableDone: true, after: null, finished: true, created: 0 });
      return { messages: 0, more: true };
    }
    const vulnerable = !fanout.vulnerable_done;
    const now = deps.now?.() ?? new Date();
    const page = await writeNoticeMessagePage(tx, {
      version: loaded.version,
      areas: loaded.areas,
      bbox: loaded.bbox,
      texts: noticeTexts(loaded.version, deps.publicUrl),
      status: {
        email: deps.configured.email ? 'queued' : 'outbox',
        sms: deps.configured.sms ? 'queued' : 'outbox',
      },
      sendAfter: noticeSendAfter(loaded.version, now),
      vulnerable,
      after: fanout.after_subscriber_id,
      limit,
    });
    const created = page.written.length;
    for (let i = 0; i < page.written.length; i += JOB_INSERT_CHUNK) {
      const groups = sendGroups(page.written.slice(i, i + JOB_INSERT_CHUNK), now, vulnerable);
      await insertJobs(deps.boss, 'message.send-group', groups, tx);
    }
    const passDone = page.candidates < limit;
    await saveFanoutProgress(tx, fanout, {
      vulnerableDone: vulnerable ? passDone : true,
      // A finished pass starts the next one from the first id.
      after: passDone ? null : page.lastCandidateId,
      finished: passDone && !vulnerable,
      created,
    });
    return { messages: created, more: true };
  });
}

/** Runs batches until no fan-out is left (or other workers hold the rest). */
export async function fanOutPending(
  deps: FanoutDeps,
  limits: FanoutLimits = {},
): Promise<{ batches: number; messages: number }> {
  const total = { batches: 0, messages: 0 };
  for (;;) {
    const batch = await fanOutBatch(deps, limits);
    if (!batch.more) return total;
    total.batches += 1;
    total.messages += batch.messages;
    if (batch.messages > 0) deps.onCommitted?.();
  }
}
