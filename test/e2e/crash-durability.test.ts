// No acknowledged report is ever lost: a burst of reports, the process killed with SIGKILL in the
// middle of it, a restart, and every report that got a 201 must be there.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { porsgrunn } from '../../src/modules/tenants/demo/porsgrunn.ts';
import { seedMunicipality } from '../../src/modules/tenants/seed-municipality.ts';
import { createTestDatabase, databaseKinds } from '../support/databases.ts';
import { buildReportBody } from '../support/factories.ts';
import { TEST_SECRETS_KEY } from '../support/secrets.ts';
import { startServerProcess } from '../support/server-process.ts';

// Real server processes start in seconds alone, but much slower while the rest of the suite
// shares the two cores: give them room rather than fail on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

async function burstUntilKilled(url: string, kill: () => void): Promise<string[]> {
  const acknowledged: string[] = [];
  let sent = 0;
  let killed = false;
  const worker = async () => {
    while (sent < 2000) {
      sent++;
      try {
        const res = await fetch(`${url}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(buildReportBody({ description: `Burst ${sent}` })),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { ref: string }).ref);
        else await res.arrayBuffer();
      } catch {
        return; // the server is gone
      }
      if (!killed && acknowledged.length >= 60) {
        killed = true;
        kill();
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return acknowledged;
}

describe.each(databaseKinds())('durability under SIGKILL on %s', (kind) => {
  it('keeps every report that was acknowledged with a 201', async () => {
    let env: Record<string, string>;
    let cleanup: () => Promise<void>;
    if (kind === 'pglite') {
      const dir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-crash-'));
      env = { DATA_DIR: dir };
      cleanup = () => rm(dir, { recursive: true, force: true });
    } else {
      const database = await createTestDatabase('postgres');
      await seedMunicipality(database.handle.db, porsgrunn);
      env = { DATABASE_URL: database.url ?? '', SEED_DEMO: 'false', SECRETS_KEY: TEST_SECRETS_KEY };
      cleanup = () => database.close();
    }
    try {
      const first = await startServerProcess(env);
      const acknowledged = await burstUntilKilled(first.url, () => first.child.kill('SIGKILL'));
      expect(await first.stop('SIGKILL')).toBeNull();
      expect(acknowledged.length).toBeGreaterThanOrEqual(60);

      const second = await startServerProcess(env);
      try {
        const missing: string[] = [];
        for (const ref of acknowledged) {
          const res = await fetch(`${second.url}/api/v1/reports/${ref}`);
          if (res.status !== 200) missing.push(`${ref}: ${res.status}`);
          await res.arrayBuffer();
        }
        expect(missing).toEqual([]);
        // And the restarted server takes new reports.
        const next = await fetch(`${second.url}/api/v1/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(buildReportBody()),
        });
        expect(next.status).toBe(201);
      } finally {
        await second.stop('SIGTERM');
      }
    } finally {
      await cleanup();
    }
  });
});
