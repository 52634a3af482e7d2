// Configuration comes from environment variables, parsed and validated once at start-up.
// A wrong value stops the process with a message that names the variable and what it expects,
// because a municipality's IT staff read that message, not the source.
import path from 'node:path';
import { parseKeys } from './modules/secrets/keys.ts';
import { isEmailAddress, withoutTrailingSlashes } from './shared/text.ts';

export type DatabaseMode = 'embedded' | 'server';
/** What a process runs: HTTP only, background work only, or both (see docs/deployment.md). */
export type ProcessRole = 'web' | 'worker' | 'all';
export const PROCESS_ROLES: readonly ProcessRole[] = ['web', 'worker', 'all'];
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type LogFormat = 'json' | 'pretty';

export interface Config {
  /** web: HTTP only; worker: jobs, relay, schedules and a health endpoint; all: both (default). */
  role: ProcessRole;
  port: number;
  host: string;
  /** Base URL residents reach the service at; used in tracking links. */
  publicUrl: string;
  dataDir: string;
  /** Where resized report photos are kept (default: DATA_DIR/photos). */
  photoDir: string;
  /** Background map tiles ({z}/{x}/{y} template); empty for no tiles (markers and shapes still show). */
  mapTileUrl: string;
  mapAttribution: string;
  /** Online address search (Kartverket's address API or one like it); unset turns it off. */
  addressSearchUrl: string | undefined;
  /** Unset means embedded PostgreSQL (PGlite) in `dataDir`. */
  databaseUrl: string | undefined;
  databaseMode: DatabaseMode;
  databasePoolMax: number;
  /** Load the Porsgrunn demo municipality at start-up (default: only in embedded mode). */
  seedDemo: boolean;
  logLevel: LogLevel;
  /** `pretty` (lines for a person) or `json` (pino's lines); unset: pretty when stdout is a terminal. */
  logFormat: LogFormat | undefined;
  trustProxy: boolean;
  /** A port of its own for GET /metrics (and /healthz) on HOST; unset: no such server. */
  metricsPort: number | undefined;
  /** When set, GET /metrics is served on the web port too, to `Authorization: Bearer <token>` only. */
  metricsToken: string | undefined;
  /** Reports one client address may submit per minute. */
  reportRateLimitPerMinute: number;
  shutdownTimeoutMs: number;
  /** How often an open live-inbox stream asks again whether its session is live and allowed. */
  liveRecheckMs: number;
  /**
   * The inbox counts per status exactly up to this; above it a count says "more than" this or
   * gives PostgreSQL's estimate, so counting never reads more than about this many rows a status.
   */
  inboxExactCountLimit: number;
  /**
   * Minutes after a notice's messages were created before a vulnerable subscriber without a
   * delivery confirmation appears on the notice's call list (CALL_LIST_AFTER_MINUTES).
   */
  vulnerableCallAfterMinutes: number;
  /** Outgoing mail server (smtp:// with STARTTLS when offered, or smtps://); unset: email goes to the outbox. */
  smtpUrl: string | undefined;
  /** The sender address; the municipality's name is shown as the sender's name. */
  mailFrom: string;
  /** The SMS gateway's send endpoint (JSON POST); unset: SMS goes to the outbox. */
  smsGatewayUrl: string | undefined;
  /** Bearer token for the SMS gateway. */
  smsGatewayToken: string | undefined;
  /** Sender name shown on SMS (up to 11 letters or digits, or a phone number). */
  smsSender: string;
  /** Shared secret the gateway sends back with delivery reports (in the callback URL). */
  smsDeliveryReportToken: string | undefined;
  /**
   * Keys that encrypt the secrets stored in the database (SECRETS_KEY, the first encrypts, all
   * decrypt). Empty in embedded mode without SECRETS_KEY: the key file in DATA_DIR is used then.
   */
  secretsKeys: Buffer[];
  /**
   * Development only: let OIDC issuers (and the endpoints they name) be on loopback, private or
   * link-local addresses. Off, such addresses are refused when saved and never fetched.
   */
  oidcAllowPrivateIssuers: boolean;
}

export interface LoadConfigOptions {
  /**
   * Whether server mode needs SECRETS_KEY (default true). Commands that never read a stored
   * secret (migrations, seeding, imports, municipalities) pass false.
   */
  requireSecretsKey?: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

interface VariableSpec<T> {
  name: string;
  expected: string;
  /** The value may hold a password: never repeat it in a message. */
  secret?: boolean;
  parse: (raw: string) => T | undefined;
}

function read<T>(env: Env, spec: VariableSpec<T>, fallback: T): T {
  const raw = env[spec.name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = spec.parse(raw.trim());
  if (value === undefined) {
    const shown = spec.secret ? '(value hidden)' : JSON.stringify(raw);
    throw new ConfigError(`${spec.name}=${shown} is not valid: expected ${spec.expected}.`);
  }
  return value;
}

function integer(min: number, max: number) {
  return (raw: string): number | undefined => {
    if (!/^\d+$/.test(raw)) return undefined;
    const n = Number(raw);
    return n >= min && n <= max ? n : undefined;
  };
}

function oneOf<T extends string>(values: readonly T[]) {
  return (raw: string): T | undefined => values.find((v) => v === raw.toLowerCase());
}

function boolean(raw: string): boolean | undefined {
  const v = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return undefined;
}

function url(protocols: readonly string[]) {
  return (raw: string): string | undefined => {
    try {
      const parsed = new URL(raw);
      return protocols.includes(parsed.protocol) ? raw : undefined;
    } catch {
      return undefined;
    }
  };
}

/** Without PUBLIC_URL, links point at this machine; a wildcard address is no place to link to. */
function defaultPublicUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

function tileUrl(raw: string): string | undefined {
  if (raw.toLowerCase() === 'none') return '';
  return /^https?:\/\/.+\{z\}.*/.test(raw) && raw.includes('{x}') && raw.includes('{y}') ? raw : undefined;
}

function emailAddress(raw: string): string | undefined {
  return isEmailAddress(raw) && !raw.includes('<') && !raw.includes('>') ? raw : undefined;
}

/** Alphanumeric sender ids are at most 11 characters (GSM); a phone number may be a sender too. */
function smsSender(raw: string): string | undefined {
  return /^[A-Za-z0-9 ]{1,11}$/.test(raw) || /^\+?\d{3,15}$/.test(raw) ? raw : undefined;
}

function token(raw: string): string | undefined {
  return /^[\x21-\x7e]{16,512}$/.test(raw) ? raw : undefined;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): Config {
  const port = read(
    env,
    { name: 'PORT', expected: 'a port number from 0 to 65535', parse: integer(0, 65535) },
    8080,
  );
  const host = read(
    env,
    { name: 'HOST', expected: 'an interface address such as 127.0.0.1', parse: (v) => v },
    '127.0.0.1',
  );
  const databaseUrl = read<string | undefined>(
    env,
    {
      name: 'DATABASE_URL',
      expected: 'a PostgreSQL URL such as postgres://user:password@db.example.no:5432/meldepunkt',
      secret: true,
      parse: url(['postgres:', 'postgresql:']),
    },
    undefined,
  );
  const databaseMode: DatabaseMode = databaseUrl ? 'server' : 'embedded';
  const publicUrl = withoutTrailingSlashes(
    read(
      env,
      {
        name: 'PUBLIC_URL',
        expected: 'an http(s) URL such as https://meld.porsgrunn.kommune.no',
        parse: url(['http:', 'https:']),
      },
      defaultPublicUrl(host, port),
    ),
  );

  const secretsKeys = read<Buffer[]>(
    env,
    {
      name: 'SECRETS_KEY',
      expected:
        '32 bytes as base64 or 64 hex digits, several separated by commas (make one with `npm run secrets -- generate-key`)',
      secret: true,
      parse: parseKeys,
    },
    [],
  );
  if (databaseMode === 'server' && secretsKeys.length === 0 && options.requireSecretsKey !== false) {
    throw new ConfigError(
      'SECRETS_KEY is not set: with DATABASE_URL it is required, so that every process encrypts and reads the ' +
        'secrets stored in the database with the same key. Make one with `npm run secrets -- generate-key`.',
    );
  }

  const role = read(
    env,
    { name: 'ROLE', expected: PROCESS_ROLES.join(', '), parse: oneOf(PROCESS_ROLES) },
    'all' as ProcessRole,
  );
  // The embedded database belongs to one process, so a web process alone would never run a job
  // and a worker alone could not share the data directory with one.
  if (role !== 'all' && databaseMode === 'embedded') {
    throw new ConfigError(
      `ROLE=${role} needs DATABASE_URL: separate web and worker processes share a PostgreSQL server. ` +
        'The embedded database runs everything in one process (ROLE=all, the default).',
    );
  }

  const dataDir = path.resolve(
    read(env, { name: 'DATA_DIR', expected: 'a directory path', parse: (v) => v }, './data'),
  );
  return {
    role,
    port,
    host,
    publicUrl,
    dataDir,
    photoDir: path.resolve(
      read(
        env,
        { name: 'PHOTO_DIR', expected: 'a directory path', parse: (v) => v },
        path.join(dataDir, 'photos'),
      ),
    ),
    mapTileUrl: read(
      env,
      {
        name: 'MAP_TILE_URL',
        expected: 'a tile URL template with {z}, {x} and {y}, or "none"',
        parse: tileUrl,
      },
      'https://cache.kartverket.no/v1/wmts/1.0.0/topograatone/default/webmercator/{z}/{y}/{x}.png',
    ),
    mapAttribution: read(env, { name: 'MAP_ATTRIBUTION', expected: 'text', parse: (v) => v }, '© Kartverket'),
    addressSearchUrl: read<string | undefined>(
      env,
      {
        name: 'ADDRESS_SEARCH_URL',
        expected: 'an http(s) base URL such as https://ws.geonorge.no/adresser/v1',
        parse: (raw) => {
          const parsed = url(['http:', 'https:'])(raw);
          return parsed === undefined ? undefined : withoutTrailingSlashes(parsed);
        },
      },
      undefined,
    ),
    databaseUrl,
    databaseMode,
    databasePoolMax: read(
      env,
      { name: 'DATABASE_POOL_MAX', expected: 'an integer from 1 to 200', parse: integer(1, 200) },
      10,
    ),
    seedDemo: read(
      env,
      { name: 'SEED_DEMO', expected: 'true or false', parse: boolean },
      databaseMode === 'embedded',
    ),
    logLevel: read(
      env,
      { name: 'LOG_LEVEL', expected: LOG_LEVELS.join(', '), parse: oneOf(LOG_LEVELS) },
      'info',
    ),
    logFormat: read<LogFormat | undefined>(
      env,
      { name: 'LOG_FORMAT', expected: 'json or pretty', parse: oneOf(['json', 'pretty'] as const) },
      undefined,
    ),
    trustProxy: read(env, { name: 'TRUST_PROXY', expected: 'true or false', parse: boolean }, false),
    metricsPort: read<number | undefined>(
      env,
      {
        name: 'METRICS_PORT',
        expected: `a port number from 1 to 65535 other than PORT (${port})`,
        parse: (raw) => {
          const value = integer(1, 65535)(raw);
          return value === port ? undefined : value;
        },
      },
      undefined,
    ),
    metricsToken: read<string | undefined>(
      env,
      { name: 'METRICS_TOKEN', expected: '16 to 512 visible characters', secret: true, parse: token },
      undefined,
    ),
    reportRateLimitPerMinute: read(
      env,
      {
        name: 'REPORT_RATE_LIMIT_PER_MINUTE',
        expected: 'an integer from 1 to 1000000',
        parse: integer(1, 1_000_000),
      },
      30,
    ),
    shutdownTimeoutMs: read(
      env,
      {
        name: 'SHUTDOWN_TIMEOUT_MS',
        expected: 'milliseconds from 100 to 600000',
        parse: integer(100, 600_000),
      },
      10_000,
    ),
    liveRecheckMs: read(
      env,
      {
        name: 'LIVE_RECHECK_MS',
        expected: 'milliseconds from 100 to 30000',
        parse: integer(100, 30_000),
      },
      30_000,
    ),
    inboxExactCountLimit: read(
      env,
      {
        name: 'INBOX_EXACT_COUNT_LIMIT',
        expected: 'an integer from 1 to 1000000',
        parse: integer(1, 1_000_000),
      },
      10_000,
    ),
    vulnerableCallAfterMinutes: read(
      env,
      {
        name: 'CALL_LIST_AFTER_MINUTES',
        expected: 'minutes from 0 to 1440',
        parse: integer(0, 1440),
      },
      30,
    ),
    smtpUrl: read<string | undefined>(
      env,
      {
        name: 'SMTP_URL',
        expected: 'an SMTP URL such as smtp://user:password@mail.example.no:587 (or smtps://)',
        secret: true,
        parse: url(['smtp:', 'smtps:']),
      },
      undefined,
    ),
    mailFrom: read(
      env,
      { name: 'MAIL_FROM', expected: 'an email address such as meld@kommune.no', parse: emailAddress },
      'meldepunkt@localhost',
    ),
    smsGatewayUrl: read<string | undefined>(
      env,
      {
        name: 'SMS_GATEWAY_URL',
        expected: 'an http(s) URL such as https://sms.example.no/v1/messages',
        secret: true,
        parse: url(['http:', 'https:']),
      },
      undefined,
    ),
    smsGatewayToken: read<string | undefined>(
      env,
      { name: 'SMS_GATEWAY_TOKEN', expected: '16 to 512 visible characters', secret: true, parse: token },
      undefined,
    ),
    smsSender: read(
      env,
      {
        name: 'SMS_SENDER',
        expected: 'up to 11 letters, digits or spaces, or a phone number',
        parse: smsSender,
      },
      'Kommunen',
    ),
    smsDeliveryReportToken: read<string | undefined>(
      env,
      {
        name: 'SMS_DELIVERY_REPORT_TOKEN',
        expected: '16 to 512 visible characters',
        secret: true,
        parse: token,
      },
      undefined,
    ),
    secretsKeys,
    oidcAllowPrivateIssuers: read(
      env,
      { name: 'OIDC_ALLOW_PRIVATE_ISSUERS', expected: 'true or false', parse: boolean },
      false,
    ),
  };
}
