// Run by pglite-memory.ts in a child process: creates an embedded database's files in the
// directory given as the only argument, then exits, taking initdb's memory with it.
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_CONF } from './pglite-memory.ts';

const dataPath = process.argv[2];
if (!dataPath) {
  console.error('usage: node src/db/pglite-initdb.ts <data directory>');
  process.exit(64);
}
const pglite = new PGlite({ dataDir: dataPath, postgresqlconf: PGLITE_CONF });
await pglite.waitReady;
await pglite.close();
