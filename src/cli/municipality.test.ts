// `npm run municipality -- …` end to end: the command as a child process against a PostgreSQL
// database (DATABASE_URL) and against an embedded one (DATA_DIR), as the operator runs it.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../../test/support/databases.ts';
import { buildPorsgrunn } from '../../test/support/factories.ts';
import { queryRows } from '../db/client.ts';
import { acquireDirectoryLock } from '../db/directory-lock.ts';
import { acceptInvitationAsNew } from '../modules/invitations/accept-invitation-as-new.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PUBLIC_URL = 'https://meld.example.no';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(env: Record<string, string>, ...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['src/cli/municipality.ts', ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), PUBLIC_URL, ...env },
        timeout: 90_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe.runIf(databaseKinds().includes('postgres'))('npm run municipality on a PostgreSQL server', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    await buildPorsgrunn(database.handle.db);
    // Server mode, and no SECRETS_KEY: this command never reads a stored secret.
    env = { DATABASE_URL: database.url ?? '' };
  });
  afterAll(() => database.close());

  it('prints its usage for --help, and refuses an unknown command with it', async () => {
    const help = await run(env, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: npm run municipality -- <command>');
    const wrong = await run(env, 'remove', '4001');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Unknown command "remove".');
    expect(wrong.stderr).toContain('Usage:');
    const missing = await run(env, 'add', '4003');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Missing --admin <email>.');
  });

  it('adds Skien from Porsgrunn and prints a one-time invitation link that makes its administrator once', async () => {
    const added = await run(
      env,
      'add',
      '4003',
      '--admin',
      'kari.admin@skien.kommune.test',
      '--admin-name',
      'Kari',
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(
      `Added Skien (4003) at ${PUBLIC_URL}/skien, written in bokmål, taking reports now.`,
    );
    expect(added.stdout).toContain('Copied from 4001: 2 teams, 4 category groups, 19 categories');
    expect(added.stdout).toMatch(/It works once, and expires \d{4}-\d\d-\d\dT[\d:.]+Z \(in 7 days\)/);
    const token = new RegExp(`${PUBLIC_URL}/admin/invitation\\?token=([A-Za-z0-9_-]{43})`).exec(
      added.stdout,
    )?.[1];
    expect(token).toBeDefined();

    // Nothing exists for the address until the person accepts: the invitation only.
    const [invitation] = await queryRows<{
      name: string;
      roles: string[];
      invited_by: string | null;
      days: number;
    }>(
      database.handle.db,
      sql`select name, roles, invited_by, round(extract(epoch from (expires_at - now())) / 86400)::int as days
          from staff_invitations where kommunenummer = '4003' and email = 'kari.admin@skien.kommune.test'`,
    );
    expect(invitation).toEqual({ name: 'Kari', roles: ['admin'], invited_by: null, days: 7 });
    const before = await queryRows(
      database.handle.db,
      sql`select 1 from staff_users where email = 'kari.admin@skien.kommune.test'`,
    );
    expect(before).toHaveLength(0);

    const accepted = await acceptInvitationAsNew(database.handle.db, {
      token: token ?? '',
      name: 'Kari Admin',
      password: 'a long enough password',
      userAgent: undefined,
    });
    expect(accepted.kommunenummer).toBe('4003');
    const [role] = await queryRows<{ role: string }>(
      database.handle.db,
      sql`select r.role from staff_roles r join staff_users u on u.id = r.user_id
           where u.email = 'kari.admin@skien.kommune.test' and r.kommunenummer = '4003'`,
    );
    expect(role?.role).toBe('admin');
    await expect(
      acceptInvitationAsNew(database.handle.db, {
        token: token ?? '',
        name: 'Someone else',
        password: 'another long password',
        userAgent: undefined,
      }),
    ).rejects.toMatchObject({ status: 410 });
  });

  it('refuses to add it twice, or a kommunenummer not in the boundaries, on stderr with exit code 1', async () => {
    const twice = await run(env, 'add', '4003', '--admin', 'someone@skien.kommune.test');
    expect(twice.code).toBe(1);
    expect(twice.stdout).toBe('');
    expect(twice.stderr.trim()).toBe('Municipality 4003 (Skien) already exists. Nothing was changed.');
    const unknown = await run(env, 'add', '9999', '--admin', 'someone@example.no');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Kommunenummer 9999 is not in the municipality boundaries');
    const language = await run(env, 'add', '4005', '--admin', 'a@b.no', '--language', 'se');
    expect(language.code).toBe(1);
    expect(language.stderr).toContain('--language must be nb or nn');
  });

  it('lists, renames, deactivates and activates', async () => {
    const renamed = await run(env, 'rename', '4003', '--name', 'Skien', '--slug', 'skien-kommune');
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toContain('4003 is now Skien at /skien-kommune.');
    const off = await run(env, 'deactivate', '4003');
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('Skien (4003) is deactivated');
    const list = await run(env, 'list');
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^kommunenummer +name +slug +enabled +staff +reports$/),
      expect.stringMatching(/^4001 +Porsgrunn +porsgrunn +yes +0 +0$/),
      expect.stringMatching(/^4003 +Skien +skien-kommune +no +1 +0$/),
    ]);
    const on = await run(env, 'activate', '4003');
    expect(on.stdout).toContain('Skien (4003) takes reports.');
    const actions = await queryRows<{ action: string }>(
      database.handle.db,
      sql`select action from audit_log where entity_type = 'municipality' order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'municipality.created',
      'municipality.renamed',
      'municipality.deactivated',
      'municipality.activated',
    ]);
    expect((await run(env, 'activate', '4012')).stderr).toContain(
      'Municipality 4012 is not in the database.',
    );
  });
});

describe('npm run municipality on the embedded database', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'meldepunkt-municipality-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('adds a municipality (empty without Porsgrunn) and lists it', async () => {
    const added = await run(
      { DATA_DIR: dataDir },
      'add',
      '4036',
      '--admin',
      'admin@vinje.kommune.test',
      '--language',
      'nn',
    );
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('Added Vinje (4036)');
    expect(added.stdout).toContain('written in nynorsk');
    expect(added.stdout).toContain('No template municipality: it starts without teams or categories.');
    const list = await run({ DATA_DIR: dataDir }, 'list');
    // Its administrator is invited, not yet staff: no one works there until the invitation is accepted.
    expect(list.stdout).toMatch(/^4036 +Vinje +vinje +yes +0 +0$/m);
  }, 120_000);

  it('says the server must be stopped while it holds the data directory', async () => {
    // This test process stands in for the running server: it holds the directory's lock.
    const lock = await acquireDirectoryLock(dataDir);
    try {
      const refused = await run({ DATA_DIR: dataDir }, 'list');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`is in use by another Meldepunkt process (pid ${process.pid})`);
      expect(refused.stderr).toContain(
        'stop the Meldepunkt server, run this command, then start the server again',
      );
    } finally {
      await lock.release();
    }
  });
});
