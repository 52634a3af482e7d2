import { describe, expect, it } from 'vitest';
import { cachedProbe } from './cached-probe.ts';

/** A probe the test answers by hand, counting how often it was started. */
function manualProbe() {
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  return {
    started: () => pending.length,
    probe: () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
    answer(index: number, ok: boolean) {
      const call = pending[index];
      if (!call) throw new Error(`probe ${index} was never started`);
      if (ok) call.resolve();
      else call.reject(new Error('down'));
    },
  };
}

describe('cachedProbe', () => {
  it('reuses a result while it is fresh, then answers with it while the next probe runs', async () => {
    let now = 0;
    const manual = manualProbe();
    const check = cachedProbe(manual.probe, { cacheMs: 1000, timeoutMs: 5000, now: () => now });

    const first = check();
    manual.answer(0, true);
    expect(await first).toBe('ok');
    now = 999;
    expect(await check()).toBe('ok');
    expect(manual.started()).toBe(1);

    // Stale: a new probe starts, and the caller has the last result at once.
    now = 1500;
    expect(await check()).toBe('ok');
    expect(manual.started()).toBe(2);
    // Asked again while it runs: no second probe.
    expect(await check()).toBe('ok');
    expect(manual.started()).toBe(2);
    manual.answer(1, false);
    await expect.poll(() => check()).toBe('fail');
  });

  it('counts a probe that takes longer than the timeout as failed, and starts no other while it runs', async () => {
    let now = 0;
    const manual = manualProbe();
    const check = cachedProbe(manual.probe, { cacheMs: 100, timeoutMs: 50, now: () => now });
    const started = performance.now();
    expect(await check()).toBe('fail');
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    // Long after: the hung probe still runs, so asking again waits on it instead of starting another.
    now = 1000;
    expect(await check()).toBe('fail');
    expect(manual.started()).toBe(1);
    manual.answer(0, true);
    await new Promise((resolve) => setImmediate(resolve));
    // Once it has ended, the next stale ask starts a new probe.
    now = 2000;
    const next = check();
    expect(manual.started()).toBe(2);
    manual.answer(1, true);
    expect(await next).toBe('ok');
  });

  it('makes the first caller wait for a result, and no longer than the timeout', async () => {
    const manual = manualProbe();
    const check = cachedProbe(manual.probe, { cacheMs: 1000, timeoutMs: 10_000 });
    const answer = check();
    let settled = false;
    void answer.then(() => {
      settled = true;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    manual.answer(0, true);
    expect(await answer).toBe('ok');
  });
});
