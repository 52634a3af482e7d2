// Which part of Meldepunkt a process runs. Until process roles (issue 10 item 1) are configured,
// every process is 'all': it serves HTTP and runs the background jobs.
export type ProcessRole = 'web' | 'worker' | 'all';

/** Whether processes of this role run the job queue's workers (and so depend on it). */
export function runsJobs(role: ProcessRole): boolean {
  return role !== 'web';
}

/** Whether processes of this role serve the web app (HTTP requests, live streams). */
export function servesWeb(role: ProcessRole): boolean {
  return role !== 'worker';
}
