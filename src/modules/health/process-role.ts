// Which part of Meldepunkt a process runs (config ROLE; see docs/deployment.md).
import type { ProcessRole } from '../../config.ts';

export type { ProcessRole };

/** Whether processes of this role run the job queue's workers (and so depend on it). */
export function runsJobs(role: ProcessRole): boolean {
  return role !== 'web';
}

/** Whether processes of this role serve the web app (HTTP requests, live streams). */
export function servesWeb(role: ProcessRole): boolean {
  return role !== 'worker';
}
