// Where a start's time goes: each phase's milliseconds and what it did (migrations run, seed
// rows added, passwords hashed). Logged as one line once the server is ready, so a slow start
// can be explained, and read by the tests that check a restart repeats no work.
export interface StartupReport {
  /** Milliseconds per phase, in the order the phases began. */
  phases: Record<string, number>;
  /** What the phases did: 0 on a restart for everything that was already done. */
  work: {
    migrationsRun: boolean;
    seedRowsAdded: number;
    addressesAdded: number;
    passwordsHashed: number;
  };
}

export class StartupPhases {
  readonly report: StartupReport = {
    phases: {},
    work: { migrationsRun: false, seedRowsAdded: 0, addressesAdded: 0, passwordsHashed: 0 },
  };

  /** Runs `run` as the phase `name` (phases may overlap; each keeps its own time). */
  async time<T>(name: string, run: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await run();
    } finally {
      this.report.phases[name] = Math.round(performance.now() - started);
    }
  }
}
