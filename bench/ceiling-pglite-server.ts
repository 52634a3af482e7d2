// The embedded ceiling: the least a report intake can do on PGlite on this machine (parse JSON, one
// INSERT into a PGlite in DATA_DIR, answer 201), as bench/ceiling-server.ts is for a PostgreSQL
// server. Plain PGlite, without Meldepunkt's query gate: this is what PGlite itself can take.
// Started by bench/run.ts with DATA_DIR and PORT; it creates its table.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import Fastify from 'fastify';

interface CeilingBody {
  description: string;
  location: { lat: number; lon: number };
  answers?: unknown;
}

const dataDir = process.env.DATA_DIR;
const port = Number(process.env.PORT);
if (!dataDir || !Number.isInteger(port)) {
  console.error('ceiling-pglite-server needs DATA_DIR and PORT');
  process.exit(78);
}

const db = new PGlite({ dataDir: path.join(dataDir, 'pglite') });
await db.waitReady;
await db.exec(`create table if not exists ceiling_reports (
  id uuid primary key default gen_random_uuid(),
  ref text not null unique,
  kommunenummer char(4) not null,
  description text not null,
  lat double precision,
  lon double precision,
  answers jsonb not null default '{}',
  created_at timestamptz not null default now()
)`);

const app = Fastify({ logger: false });
let counter = 0;

app.get('/readyz', async () => {
  await db.query('select 1');
  return { status: 'ok' };
});

app.get('/healthz', async () => ({ status: 'ok' }));

app.post<{ Body: CeilingBody }>('/ceiling', async (request, reply) => {
  const body = request.body;
  counter += 1;
  const ref = `4001-${process.pid}-${String(counter).padStart(7, '0')}`;
  const { rows } = await db.query<{ id: string }>(
    `insert into ceiling_reports (ref, kommunenummer, description, lat, lon, answers)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [ref, '4001', body.description, body.location.lat, body.location.lon, JSON.stringify(body.answers ?? {})],
  );
  return reply.status(201).send({ id: rows[0]?.id });
});

async function shutdown(): Promise<void> {
  await app.close();
  await db.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

await app.listen({ port, host: '127.0.0.1' });
