// A bound on work of one kind running at once: at most `atOnce` run, at most `maxWaiting` wait
// their turn in order, and one more is refused at once with the error `refuse` makes (a 503 with
// Retry-After where it is used), so a burst costs a queue of known size instead of memory or time.
export interface AdmissionGate {
  /** Runs `work` when a slot is free; refuses at once when too many wait. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

export function createAdmissionGate(atOnce: number, maxWaiting: number, refuse: () => Error): AdmissionGate {
  let running = 0;
  const queue: (() => void)[] = [];

  async function acquire(): Promise<void> {
    if (running < atOnce) {
      running += 1;
      return;
    }
    if (queue.length >= maxWaiting) throw refuse();
    // The slot is handed over by release(): `running` stays the same.
    await new Promise<void>((resolve) => queue.push(resolve));
  }

  function release(): void {
    const next = queue.shift();
    if (next) next();
    else running -= 1;
  }

  return {
    async run(work) {
      await acquire();
      try {
        return await work();
      } finally {
        release();
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
