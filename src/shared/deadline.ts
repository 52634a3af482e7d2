// Waiting on something that may never answer (a query queued behind a busy pool, say) with an
// upper bound. The work itself is not cancelled: it keeps running, and its later result or error
// is ignored, so a caller that must not pile up such work keeps the promise and waits for it.

export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

/** Resolves or rejects like `work`, or rejects with DeadlineExceeded after `ms`. */
export function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  // A late rejection of `work` must not surface as an unhandled rejection.
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
