// The ceiling: the least a report intake can do on this machine (parse JSON, one INSERT through a
// pg pool of 10, answer 201), so the real intake's throughput can be read as a share of it.
// Started by bench/run.ts with DATABASE_URL and PORT; the table is created by the benchmark.
import Fastify from 'fastify';
import pg from 'pg';

interface CeilingBody {
  description: string;
  location: { lat: number; lon: number };
  answers?: unknown;
}

const databaseUrl = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!databaseUrl || !Number.isInteger(port)) {
  console.error('ceiling-server needs DATABASE_URL and PORT');
  process.exit(78);
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10, application_name: 'meldepunkt-ceiling' });
pool.on('error', (error) => console.error('pool error', error));

const app = Fastify({ logger: false });
let counter = 0;

app.get('/readyz', async () => {
  await pool.query('select 1');
  return { status: 'ok' };
});

app.post<{ Body: CeilingBody }>('/ceiling', async (request, reply) => {
  const body = request.body;
  counter += 1;
  const ref = `4001-${process.pid}-${String(counter).padStart(7, '0')}`;
  const { rows } = await pool.query<{ id: string }>(
    `insert into ceiling_reports (ref, kommunenummer, description, lat, lon, answers)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [ref, '4001', body.description, body.location.lat, body.location.lon, JSON.stringify(body.answers ?? {})],
  );
  return reply.status(201).send({ id: rows[0]?.id });
});

async function shutdown(): Promise<void> {
  await app.close();
  await pool.end();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown());
process.once('SIGINT', () => void shutdown());

await app.listen({ port, host: '127.0.0.1' });
