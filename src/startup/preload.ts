// Loaded before src/main.ts by `npm start` (node --import ./src/startup/preload.ts src/main.ts),
// that is, before the application's few thousand modules are loaded, which takes seconds: what is
// started here runs meanwhile. `node src/main.ts` alone works the same, only slower to start.
import { isMainThread } from 'node:worker_threads';
import { loadConfig } from '../config.ts';
import { startPreparingEmbeddedDatabase } from '../db/prepare-embedded.ts';
import { registerFastResolve } from './fast-resolve.ts';

// Only in the main thread: workers get their own module loader and must start nothing.
if (isMainThread) preload();

function preload(): void {
  registerFastResolve();
  try {
    const config = loadConfig();
    if (config.databaseMode === 'embedded') startPreparingEmbeddedDatabase(config.dataDir);
  } catch {
    // A configuration error: main.ts reports it.
  }
}
