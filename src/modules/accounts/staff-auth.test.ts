import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { AppContext } from '../../app-context.ts';
import { staffAuth } from './staff-auth.ts';

async function appWith(register: (app: ReturnType<typeof Fastify>) => void): Promise<void> {
  const app = Fastify();
  await app.register(cookie);
  await app.register(staffAuth, { ctx: { config: { publicUrl: 'http://x.test' } } as unknown as AppContext });
  register(app);
  try {
    await app.ready();
  } finally {
    await app.close();
  }
}

describe('staff-auth', () => {
  it('refuses to start with a staff route that names no policy', async () => {
    await expect(
      appWith((app) => app.get('/api/v1/staff/m/:kommunenummer/open', async () => 'oops')),
    ).rejects.toThrow(/has no valid policy/);
  });

  it('refuses a policy that is not an action', async () => {
    await expect(
      appWith((app) =>
        app.get(
          '/api/v1/staff/m/:kommunenummer/x',
          { config: { policy: 'case.everything' as 'case.read' } },
          async () => 'x',
        ),
      ),
    ).rejects.toThrow(/has no valid policy/);
  });

  it('refuses a municipal action on a route without :kommunenummer', async () => {
    await expect(
      appWith((app) =>
        app.get('/api/v1/staff/reports', { config: { policy: 'case.read' } }, async () => 'x'),
      ),
    ).rejects.toThrow(/names no :kommunenummer/);
  });

  it('lists the staff routes with their policies', async () => {
    await appWith((app) => {
      app.get('/api/v1/staff/m/:kommunenummer/ok', { config: { policy: 'case.read' } }, async () => 'ok');
      app.get('/public', async () => 'public');
      app.addHook('onReady', async () => {
        expect(app.staffRoutes).toEqual([
          { method: 'GET', url: '/api/v1/staff/m/:kommunenummer/ok', policy: 'case.read' },
        ]);
      });
    });
  });
});

describe('docs/authorisation.md', () => {
  it('shows exactly the roles ROLE_ACTIONS allows', async () => {
    const { readFile } = await import('node:fs/promises');
    const { ROLE_ACTIONS } = await import('./policies.ts');
    const { STAFF_ROLES } = await import('./roles.ts');
    const doc = await readFile(new URL('../../../docs/authorisation.md', import.meta.url), 'utf8');
    const documented: Record<string, string[]> = {};
    for (const line of doc.split('\n')) {
      const match = /^\| `([a-z_.]+)`\s*\|(.*)\|$/.exec(line);
      if (!match?.[1] || !match[2]) continue;
      const cells = match[2].split('|').map((c) => c.trim());
      documented[match[1]] = STAFF_ROLES.filter((_, i) => cells[i] === '✓');
    }
    const actual = Object.fromEntries(
      Object.entries(ROLE_ACTIONS).map(([action, roles]) => [action, [...roles]]),
    );
    expect(documented).toEqual(actual);
  });
});
