// Which database-backed metrics a process reports, by role. The pool is per process, so every
// process reports its own. Job queues, the outbox and queued messages are facts about the shared
// database, the same whichever process reads them: the processes that run the background work
// (worker, all) report them, web processes do not, so N web processes do not run N copies of the
// same queries at every scrape.
import type { DatabaseHandle } from '../../db/client.ts';
import { type ProcessRole, runsJobs } from '../health/process-role.ts';
import { watchJobQueues } from './collect-job-queues.ts';
import { watchMessages } from './collect-messages.ts';
import { watchOutbox } from './collect-outbox.ts';
import { watchPool } from './collect-pool.ts';
import type { Metrics } from './metrics.ts';

export function watchDatabase(metrics: Metrics, handle: DatabaseHandle, role: ProcessRole): void {
  if (handle.kind === 'pg') watchPool(metrics, handle.pool);
  if (runsJobs(role)) {
    watchJobQueues(metrics, handle.db);
    watchOutbox(metrics, handle.db);
    watchMessages(metrics, handle.db);
  }
}
