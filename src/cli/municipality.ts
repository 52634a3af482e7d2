// `npm run municipality -- <command>`: the platform operator adds, lists, renames, deactivates and
// activates municipalities (see docs/operations.md, "Municipalities"). Thin: it reads the
// arguments, opens the configured database and calls one use case from src/modules/tenants/.
// Refusals go to stderr with exit code 1; the first administrator's one-time link goes to stdout
// only, never to a log.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { configuredDatabase, type Database, openDatabase } from '../db/client.ts';
import { DirectoryLockedError } from '../db/directory-lock.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { startJobQueue } from '../jobs/queue.ts';
import { loadMunicipalityLocator } from '../modules/geo/municipality-locator.ts';
import { createInvitation } from '../modules/invitations/create-invitation.ts';
import { INVITATION_TTL_DAYS } from '../modules/invitations/invitation-token.ts';
import { addMunicipality, type FirstAdminInvitation } from '../modules/tenants/add-municipality.ts';
import { listMunicipalities } from '../modules/tenants/list-municipalities.ts';
import { findMunicipality } from '../modules/tenants/queries.ts';
import { renameMunicipality } from '../modules/tenants/rename-municipality.ts';
import { setMunicipalityEnabled } from '../modules/tenants/set-municipality-enabled.ts';
import { tenantMessages } from '../modules/tenants/tenant-messages.ts';
import { AppError } from '../shared/errors.ts';
import { MUNICIPAL_LANGUAGES, type MunicipalLanguage } from '../shared/language.ts';

const USAGE = `Usage: npm run municipality -- <command> [options]

Commands:
  add <kommunenummer> --admin <email> [--admin-name <name>] [--from <kommunenummer>]
      [--name <name>] [--slug <slug>] [--language nb|nn]
      Adds a municipality named as in the shipped boundaries, with the teams, categories,
      reply templates and message texts of --from (default 4001 when it exists, else empty),
      taking reports at once, and prints a one-time link for its first administrator.
  invite <kommunenummer> --admin <email> [--admin-name <name>]
      Prints a new one-time link for an administrator (when the one from add was lost).
  list
      Every municipality: kommunenummer, name, slug, enabled, staff and reports.
  rename <kommunenummer> --name <name> [--slug <slug>]
      A new name, and a new address (/slug) only when --slug is given.
  deactivate <kommunenummer>
      No new reports: its pages and the API say it is not available. Staff can still log in and read.
  activate <kommunenummer>
      Takes reports again.

Uses DATABASE_URL, or the embedded database in DATA_DIR (stop the server first).`;

/** How the first administrator is invited: given the invitation, a link that works once. */
export type InviteAdmin = (input: FirstAdminInvitation) => Promise<{ link: string; expiresAt?: Date }>;

class UsageError extends Error {}

const OPTIONS = {
  admin: { type: 'string' },
  'admin-name': { type: 'string' },
  from: { type: 'string' },
  name: { type: 'string' },
  slug: { type: 'string' },
  language: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function required(value: string | undefined, what: string): string {
  if (!value?.trim()) throw new UsageError(`Missing ${what}.`);
  return value;
}

function language(value: string | undefined): MunicipalLanguage | undefined {
  if (value === undefined) return undefined;
  const found = MUNICIPAL_LANGUAGES.find((l) => l === value);
  if (!found) throw new UsageError(`--language must be nb or nn, not "${value}".`);
  return found;
}

function printLink(invited: { link: string; expiresAt?: Date }): void {
  const expires = invited.expiresAt ?? new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
  console.log(
    `\nOne-time invitation link for the administrator (a new person chooses a password there; ` +
      `someone who already has an account logs in and accepts):\n\n  ${invited.link}\n\n` +
      `It works once, and expires ${expires.toISOString()} (in ${INVITATION_TTL_DAYS} days). ` +
      'The same link is emailed to the address when a mail server is configured; otherwise it is ' +
      'shown only here: give it to the administrator directly.',
  );
}

function printTable(rows: Record<string, string>[]): void {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((c) => row[c] ?? '')));
}

async function run(db: Database, publicUrl: string, argv: string[], invite: InviteAdmin): Promise<void> {
  const { values, positionals } = parse(argv);
  const [command, kommunenummer] = positionals;
  switch (command) {
    case 'add': {
      const added = await addMunicipality(
        { db, directory: await loadMunicipalityLocator() },
        {
          kommunenummer: required(kommunenummer, 'kommunenummer'),
          adminEmail: required(values.admin, '--admin <email>'),
          adminName: values['admin-name'],
          from: values.from,
          name: values.name,
          slug: values.slug,
          language: language(values.language),
        },
      );
      console.log(
        `Added ${added.name} (${added.kommunenummer}) at ${publicUrl}/${added.slug}, ` +
          `written in ${added.defaultLanguage === 'nn' ? 'nynorsk' : 'bokmål'}, taking reports now.`,
      );
      const c = added.copied;
      console.log(
        added.templateFrom
          ? `Copied from ${added.templateFrom}: ${c.teams} teams, ${c.groups} category groups, ${c.categories} categories, ` +
              `${c.replyTemplates} reply templates, ${c.messageTemplates} message texts (no report links).`
          : 'No template municipality: it starts without teams or categories.',
      );
      printLink(await invite(added.adminInvitation));
      return;
    }
    case 'invite': {
      const k = required(kommunenummer, 'kommunenummer');
      const municipality = await findMunicipality(db, k);
      if (!municipality) {
        throw new AppError(404, 'municipality_not_found', tenantMessages.municipalityNotFound(k));
      }
      const email = required(values.admin, '--admin <email>').trim().toLowerCase();
      printLink(
        await invite({
          kommunenummer: k,
          email,
          name: values['admin-name']?.trim() || (email.split('@')[0] ?? email),
          language: municipality.defaultLanguage,
          roles: ['admin'],
          teamIds: [],
          invitedBy: null,
        }),
      );
      return;
    }
    case 'list': {
      const rows = await listMunicipalities(db);
      if (rows.length === 0) {
        console.log(
          'No municipalities yet. Add one with: npm run municipality -- add <kommunenummer> --admin <email>',
        );
        return;
      }
      printTable(
        rows.map((m) => ({
          kommunenummer: m.kommunenummer,
          name: m.name,
          slug: m.slug,
          enabled: m.enabled ? 'yes' : 'no',
          staff: String(m.staffCount),
          reports: String(m.reportCount),
        })),
      );
      return;
    }
    case 'rename': {
      const renamed = await renameMunicipality(db, {
        kommunenummer: required(kommunenummer, 'kommunenummer'),
        name: required(values.name, '--name <name>'),
        slug: values.slug,
      });
      console.log(
        renamed.changed
          ? `${kommunenummer} is now ${renamed.name} at /${renamed.slug}.`
          : `${kommunenummer} already is ${renamed.name} at /${renamed.slug}; nothing changed.`,
      );
      return;
    }
    case 'deactivate':
    case 'activate': {
      const enabled = command === 'activate';
      const k = required(kommunenummer, 'kommunenummer');
      const result = await setMunicipalityEnabled(db, k, enabled);
      const state = enabled
        ? 'takes reports'
        : 'is deactivated: no new reports, staff can still log in and read';
      console.log(
        result.changed ? `${result.name} (${k}) ${state}.` : `${result.name} (${k}) already ${state}.`,
      );
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
}

const COMMANDS = ['add', 'invite', 'list', 'rename', 'deactivate', 'activate'];

/** Usage mistakes are found before the database is opened (a running server locks it). */
function checkUsage(argv: string[]): 'help' | 'run' {
  const { values, positionals } = parse(argv);
  if (values.help) return 'help';
  const [command] = positionals;
  if (!command) throw new UsageError('No command given.');
  if (!COMMANDS.includes(command)) throw new UsageError(`Unknown command "${command}".`);
  return 'run';
}

async function main(argv: string[]): Promise<number> {
  try {
    if (checkUsage(argv) === 'help') {
      console.log(USAGE);
      return 0;
    }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 1;
  }
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const config = loadConfig(process.env, { requireSecretsKey: false });
    db = await openDatabase(configuredDatabase(config, 2));
    await migrateDatabase(db);
    const database = db;
    // Only to enqueue the invitation's email: the server's worker sends it.
    const jobs = await startJobQueue(database, { supervise: false });
    try {
      await run(database.db, config.publicUrl, argv, (input) =>
        createInvitation(
          {
            db: database.db,
            boss: jobs.boss,
            emailConfigured: Boolean(config.smtpUrl),
            publicUrl: config.publicUrl,
          },
          input,
        ),
      );
    } finally {
      await jobs.stop();
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (error instanceof AppError) console.error(error.localized.en);
    else if (error instanceof DirectoryLockedError) {
      console.error(
        `${error.message}\nThe embedded database can be opened by one process at a time: stop the Meldepunkt server, run this command, then start the server again.`,
      );
    } else if (error instanceof ConfigError) console.error(`Configuration: ${error.message}`);
    else console.error(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
