// Runs in a worker thread (see db/prepare-embedded.ts): creates an empty embedded PostgreSQL
// cluster in the given directory (PGlite's initdb) and shuts it down cleanly.
import { workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const { dir } = workerData as { dir: string };
const db = new PGlite({ dataDir: dir });
await db.waitReady;
await db.close();
