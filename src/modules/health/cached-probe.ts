// A dependency check that is cheap to ask often and never makes its caller wait long. A result is
// reused for `cacheMs`. After that, the next caller starts a new probe but is answered with the
// previous result while the probe runs, for up to `timeoutMs` more; only a caller with no result
// young enough waits, and at most `timeoutMs`. A probe that takes longer counts as failed, and no
// second one starts while it still runs: checks must not pile up on a database that is stuck.
import { within } from '../../shared/deadline.ts';

export type ProbeResult = 'ok' | 'fail';

export interface ProbeOptions {
  cacheMs: number;
  timeoutMs: number;
  now?: () => number;
}

export function cachedProbe(
  probe: () => Promise<unknown>,
  options: ProbeOptions,
): () => Promise<ProbeResult> {
  const now = options.now ?? (() => performance.now());
  let last: { result: ProbeResult; at: number } | undefined;
  let underway: Promise<unknown> | undefined;
  let refreshing: Promise<ProbeResult> | undefined;

  function refresh(): Promise<ProbeResult> {
    if (!underway) {
      underway = probe().finally(() => {
        underway = undefined;
      });
    }
    refreshing ??= within(underway, options.timeoutMs, 'health probe')
      .then(
        (): ProbeResult => 'ok',
        (): ProbeResult => 'fail',
      )
      .then((result) => {
        last = { result, at: now() };
        refreshing = undefined;
        return result;
      });
    return refreshing;
  }

  return async () => {
    const age = last ? now() - last.at : Number.POSITIVE_INFINITY;
    if (last && age < options.cacheMs) return last.result;
    const next = refresh();
    if (last && age < options.cacheMs + options.timeoutMs) return last.result;
    return next;
  };
}
