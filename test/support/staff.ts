// Staff accounts for tests: build one with the roles a test is about, and log in as it over HTTP
// like the back office does (session cookie + X-CSRF-Token on changes).
import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { createStaffUser } from '../../src/modules/accounts/create-staff-user.ts';
import type { StaffRole } from '../../src/modules/accounts/roles.ts';
import type { TestApp, TestResponse } from './test-app.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface BuiltStaffUser {
  id: string;
  email: string;
  password: string;
}

export async function buildStaffUser(
  db: Database,
  options: {
    kommunenummer: string;
    roles: StaffRole[];
    teamIds?: string[];
    email?: string;
    name?: string;
    password?: string | null;
  },
): Promise<BuiltStaffUser> {
  const email = options.email ?? `staff-${randomBytes(4).toString('hex')}@kommune.test`;
  const password = options.password === null ? undefined : (options.password ?? TEST_PASSWORD);
  const id = await createStaffUser(db, {
    email,
    name: options.name ?? 'Test Ansatt',
    ...(password === undefined ? {} : { password }),
    roles: options.roles.map((role) => ({ kommunenummer: options.kommunenummer, role })),
    ...(options.teamIds ? { teamIds: options.teamIds } : {}),
  });
  return { id, email, password: password ?? '' };
}

export interface StaffClient {
  cookie: string;
  /** The Set-Cookie header the login answered with (its Max-Age, for device sessions). */
  setCookie: string;
  csrfToken: string;
  /** A request with the session cookie, and the CSRF header on changes. */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<TestResponse>;
}

export async function logInAs(
  app: TestApp,
  user: { email: string; password: string },
  options: { deviceName?: string } = {},
): Promise<StaffClient> {
  const response = await fetch(`${app.baseUrl}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password, ...options }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    setCookie,
    csrfToken,
    request(method, path, body, headers = {}) {
      const safe = method === 'GET' || method === 'HEAD';
      return app.request(method, path, {
        ...(body === undefined ? {} : { body }),
        headers: { cookie, ...(safe ? {} : { 'x-csrf-token': csrfToken }), ...headers },
      });
    },
  };
}
