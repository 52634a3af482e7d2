import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    pool: 'forks',
    // Files share their worker's module cache: the app's modules (~5 s of CPU to import) load
    // once per worker, not once per file. Every file still gets its own database and app.
    isolate: false,
    testTimeout: 30_000,
    // expect.poll's default is 1 s; on the loaded 2-core CI machine a re-render can take longer.
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 120_000,
    // Each file gets its own database; the machine has two cores.
    maxWorkers: 2,
  },
});
