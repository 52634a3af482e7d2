import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

/** A key as SECRETS_KEY holds it: with a database server, every process needs one. */
const KEY = Buffer.alloc(32, 9).toString('base64');

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig(${JSON.stringify(env)}) did not throw`);
}

describe('loadConfig', () => {
  it('has working defaults for a laptop: embedded database, demo data, local URL', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      role: 'all',
      port: 8080,
      host: '127.0.0.1',
      publicUrl: 'http://127.0.0.1:8080',
      databaseUrl: undefined,
      databaseMode: 'embedded',
      databasePoolMax: 10,
      seedDemo: true,
      logLevel: 'info',
      trustProxy: false,
      reportRateLimitPerMinute: 30,
      shutdownTimeoutMs: 10_000,
      inboxExactCountLimit: 10_000,
    });
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.dataDir).toBe(path.resolve(process.cwd(), 'data'));
  });

  it('does not read process.env when given an env', () => {
    const before = process.env.PORT;
    process.env.PORT = '1234';
    try {
      expect(loadConfig({}).port).toBe(8080);
    } finally {
      if (before === undefined) delete process.env.PORT;
      else process.env.PORT = before;
    }
  });

  it.each([['postgres://user:pw@db.example.no:5432/meldepunkt'], ['postgresql://localhost/meldepunkt']])(
    'uses a PostgreSQL server for DATABASE_URL=%s and does not seed the demo there',
    (url) => {
      const config = loadConfig({ DATABASE_URL: url, SECRETS_KEY: KEY });
      expect(config.databaseMode).toBe('server');
      expect(config.databaseUrl).toBe(url);
      expect(config.seedDemo).toBe(false);
    },
  );

  it('lets SEED_DEMO override the default either way', () => {
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ SEED_DEMO: '0' }).seedDemo).toBe(false);
    expect(
      loadConfig({ SEED_DEMO: 'true', DATABASE_URL: 'postgres://localhost/m', SECRETS_KEY: KEY }).seedDemo,
    ).toBe(true);
    expect(configError({ SEED_DEMO: 'kanskje' }).message).toMatch(/SEED_DEMO.*true or false/);
  });

  it('reads port and host and builds the public URL from them', () => {
    expect(loadConfig({ PORT: '3000', HOST: '0.0.0.0' })).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
    });
    expect(loadConfig({ HOST: '::1' }).publicUrl).toBe('http://[::1]:8080');
  });

  it.each([['abc'], ['70000'], ['-1'], ['80.5'], ['65536']])(
    'rejects PORT=%s with a message naming PORT and what it expects',
    (value) => {
      const error = configError({ PORT: value });
      expect(error.name).toBe('ConfigError');
      expect(error.message).toContain('PORT');
      expect(error.message).toContain(JSON.stringify(value));
      expect(error.message).toContain('a port number from 0 to 65535');
    },
  );

  it('accepts the edges of the port range', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
  });

  it.each([['mysql://x'], ['not a url'], ['http://db.example.no']])(
    'rejects DATABASE_URL=%s naming DATABASE_URL',
    (value) => {
      const error = configError({ DATABASE_URL: value });
      expect(error.message).toContain('DATABASE_URL');
      expect(error.message).toContain('PostgreSQL URL');
    },
  );

  it('never repeats a DATABASE_URL in the message, since it may hold a password', () => {
    const error = configError({ DATABASE_URL: 'postgress://meldepunkt:hemmelig@db.example.no/meldepunkt' });
    expect(error.message).toContain('DATABASE_URL=(value hidden) is not valid');
    expect(error.message).not.toContain('hemmelig');
  });

  it('removes trailing slashes from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://meld.porsgrunn.kommune.no/' }).publicUrl).toBe(
      'https://meld.porsgrunn.kommune.no',
    );
    expect(loadConfig({ PUBLIC_URL: 'https://meld.example.no/vann//' }).publicUrl).toBe(
      'https://meld.example.no/vann',
    );
    expect(configError({ PUBLIC_URL: 'ftp://meld.example.no' }).message).toContain('PUBLIC_URL');
  });

  it('leaves address search off unless ADDRESS_SEARCH_URL is an http(s) URL', () => {
    expect(loadConfig({}).addressSearchUrl).toBeUndefined();
    expect(loadConfig({ ADDRESS_SEARCH_URL: 'https://ws.geonorge.no/adresser/v1/' }).addressSearchUrl).toBe(
      'https://ws.geonorge.no/adresser/v1',
    );
    expect(configError({ ADDRESS_SEARCH_URL: 'ws.geonorge.no' }).message).toContain('ADDRESS_SEARCH_URL');
  });

  it('reads LOG_LEVEL case-insensitively and rejects unknown levels', () => {
    expect(loadConfig({ LOG_LEVEL: 'debug' }).logLevel).toBe('debug');
    expect(loadConfig({ LOG_LEVEL: 'WARN' }).logLevel).toBe('warn');
    const error = configError({ LOG_LEVEL: 'verbose' });
    expect(error.message).toContain('LOG_LEVEL');
    expect(error.message).toContain('fatal, error, warn, info, debug, trace, silent');
  });

  it('checks the numeric limits', () => {
    expect(loadConfig({ DATABASE_POOL_MAX: '25', REPORT_RATE_LIMIT_PER_MINUTE: '5' })).toMatchObject({
      databasePoolMax: 25,
      reportRateLimitPerMinute: 5,
    });
    expect(configError({ DATABASE_POOL_MAX: '0' }).message).toContain('DATABASE_POOL_MAX');
    expect(configError({ SHUTDOWN_TIMEOUT_MS: '50' }).message).toContain('SHUTDOWN_TIMEOUT_MS');
    expect(loadConfig({ INBOX_EXACT_COUNT_LIMIT: '500' }).inboxExactCountLimit).toBe(500);
    expect(configError({ INBOX_EXACT_COUNT_LIMIT: '0' }).message).toContain('INBOX_EXACT_COUNT_LIMIT');
    expect(loadConfig({}).vulnerableCallAfterMinutes).toBe(30);
    expect(loadConfig({ CALL_LIST_AFTER_MINUTES: '0' }).vulnerableCallAfterMinutes).toBe(0);
    expect(configError({ CALL_LIST_AFTER_MINUTES: '1441' }).message).toContain('CALL_LIST_AFTER_MINUTES');
    expect(loadConfig({ TRUST_PROXY: 'yes' }).trustProxy).toBe(true);
  });

  it('treats empty and blank values as unset', () => {
    const config = loadConfig({
      PORT: '',
      HOST: '  ',
      DATABASE_URL: '',
      PUBLIC_URL: ' ',
      SEED_DEMO: '',
      LOG_LEVEL: '',
      DATA_DIR: '',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseMode: 'embedded',
      publicUrl: 'http://127.0.0.1:8080',
      seedDemo: true,
      logLevel: 'info',
      dataDir: path.resolve('data'),
    });
  });

  it('trims surrounding whitespace from values', () => {
    expect(loadConfig({ PORT: ' 9000 ', DATA_DIR: ' /var/lib/meldepunkt ' })).toMatchObject({
      port: 9000,
      dataDir: '/var/lib/meldepunkt',
    });
  });
  it('reads the mail and SMS settings; without them messages go to the outbox', () => {
    expect(loadConfig({})).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'meldepunkt@localhost',
      smsGatewayUrl: undefined,
      smsGatewayToken: undefined,
      smsSender: 'Kommunen',
      smsDeliveryReportToken: undefined,
    });
    expect(
      loadConfig({
        SMTP_URL: 'smtp://meld:hemmelig@mail.example.no:587',
        MAIL_FROM: 'meld@porsgrunn.kommune.no',
        SMS_GATEWAY_URL: 'https://sms.example.no/v1/messages',
        SMS_GATEWAY_TOKEN: 'a-long-gateway-token-1234',
        SMS_SENDER: 'Porsgrunn',
        SMS_DELIVERY_REPORT_TOKEN: 'callback-secret-abcdefgh',
      }),
    ).toMatchObject({
      smtpUrl: 'smtp://meld:hemmelig@mail.example.no:587',
      mailFrom: 'meld@porsgrunn.kommune.no',
      smsGatewayUrl: 'https://sms.example.no/v1/messages',
      smsSender: 'Porsgrunn',
    });
  });

  it('needs SECRETS_KEY with a database server, reads several keys, and never repeats one', () => {
    const missing = configError({ DATABASE_URL: 'postgres://db.example.no/meldepunkt' });
    expect(missing.message).toContain('SECRETS_KEY is not set: with DATABASE_URL it is required');
    expect(missing.message).toContain('npm run secrets -- generate-key');
    // Commands that never read a stored secret may run without it.
    expect(
      loadConfig({ DATABASE_URL: 'postgres://db.example.no/meldepunkt' }, { requireSecretsKey: false })
        .secretsKeys,
    ).toEqual([]);
    // Embedded mode without it uses the key file in DATA_DIR.
    expect(loadConfig({}).secretsKeys).toEqual([]);
    const hex = Buffer.alloc(32, 7).toString('hex');
    expect(loadConfig({ SECRETS_KEY: `${KEY}, ${hex}` }).secretsKeys).toEqual([
      Buffer.alloc(32, 9),
      Buffer.alloc(32, 7),
    ]);
    const wrong = configError({ SECRETS_KEY: 'hemmelig-men-for-kort' });
    expect(wrong.message).toContain(
      'SECRETS_KEY=(value hidden) is not valid: expected 32 bytes as base64 or 64 hex digits',
    );
    expect(wrong.message).not.toContain('hemmelig');
  });

  it('reads ROLE: web and worker need a database server, anything else is refused by name', () => {
    const server = { DATABASE_URL: 'postgres://db.example.no/meldepunkt', SECRETS_KEY: KEY };
    expect(loadConfig({ ...server, ROLE: 'web' }).role).toBe('web');
    expect(loadConfig({ ...server, ROLE: 'Worker' }).role).toBe('worker');
    expect(loadConfig({ ...server }).role).toBe('all');
    expect(loadConfig({ ROLE: 'all' }).role).toBe('all');
    const wrong = configError({ ...server, ROLE: 'api' });
    expect(wrong.message).toBe('ROLE="api" is not valid: expected web, worker, all.');
    const embedded = configError({ ROLE: 'worker' });
    expect(embedded.message).toContain('ROLE=worker needs DATABASE_URL');
  });

  it('refuses OIDC issuers on private addresses unless OIDC_ALLOW_PRIVATE_ISSUERS is set', () => {
    expect(loadConfig({}).oidcAllowPrivateIssuers).toBe(false);
    expect(loadConfig({ OIDC_ALLOW_PRIVATE_ISSUERS: 'true' }).oidcAllowPrivateIssuers).toBe(true);
    expect(configError({ OIDC_ALLOW_PRIVATE_ISSUERS: 'ja' }).message).toContain('OIDC_ALLOW_PRIVATE_ISSUERS');
  });

  it('refuses wrong mail and SMS settings without repeating secrets', () => {
    const smtp = configError({ SMTP_URL: 'http://meld:hemmelig@mail.example.no' });
    expect(smtp.message).toContain('SMTP_URL=(value hidden)');
    expect(smtp.message).not.toContain('hemmelig');
    const token = configError({ SMS_GATEWAY_TOKEN: 'short' });
    expect(token.message).toContain('SMS_GATEWAY_TOKEN=(value hidden)');
    expect(configError({ MAIL_FROM: 'not an address' }).message).toContain('MAIL_FROM="not an address"');
    expect(configError({ SMS_SENDER: 'Porsgrunn kommune' }).message).toContain('SMS_SENDER');
  });
});
