// An OIDC round trip as a browser makes it: start at the app, through the test provider (see
// oidc-test-provider.ts), back to the app's callback, following each redirect by hand with the
// cookies a browser would keep per host. The provider sends the browser to the app's public
// address; the test app listens on its own port, so that hop is pointed at the test app.
import { sql } from 'drizzle-orm';
import { oidcClientSecretContext } from '../../src/modules/secrets/stored-secrets.ts';
import type { TestIdentity, TestOidcProvider } from './oidc-test-provider.ts';
import type { TestApp } from './test-app.ts';

/** Cookies per host, as a browser keeps them (paths and expiry do not matter in these flows). */
export class CookieJar {
  private readonly hosts = new Map<string, Map<string, string>>();
  header(url: URL): string {
    return [...(this.hosts.get(url.host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  store(url: URL, response: Response): void {
    const jar = this.hosts.get(url.host) ?? new Map<string, string>();
    this.hosts.set(url.host, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  }
  get(host: string, name: string): string | undefined {
    return this.hosts.get(host)?.get(name);
  }
  set(host: string, name: string, value: string): void {
    const jar = this.hosts.get(host) ?? new Map<string, string>();
    this.hosts.set(host, jar);
    jar.set(name, value);
  }
}

export interface FlowResult {
  /** Where the app finally sent the browser: /admin/, /admin/login?error=…, /admin/account?oidc=… */
  location: string;
  jar: CookieJar;
}

export interface FlowOptions {
  /** Changes the provider's redirect to the callback before the browser follows it. */
  tamper?: (callback: URL) => void;
  jar?: CookieJar;
  /**
   * Where the browser goes first (default: the app's /api/v1/staff/oidc/{kommunenummer}/start);
   * a flow the app started in answer to a POST begins at the provider's address it gave.
   */
  from?: URL;
}

/** The app's own address for the callback the provider named with the public address. */
function callbackPrefix(t: TestApp): string {
  return `${t.ctx.config.publicUrl}/api/v1/staff/oidc/callback`;
}

/** Logs `identity` in at `idp` through municipality `kommunenummer`, following every redirect. */
export async function oidcFlow(
  t: TestApp,
  idp: TestOidcProvider,
  kommunenummer: string,
  identity: TestIdentity,
  options: FlowOptions = {},
): Promise<FlowResult> {
  idp.logInNext(identity);
  const appHost = new URL(t.baseUrl).host;
  const jar = options.jar ?? new CookieJar();
  let url = options.from ?? new URL(`${t.baseUrl}/api/v1/staff/oidc/${kommunenummer}/start`);
  for (let hop = 0; hop < 15; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header(url) } });
    jar.store(url, response);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new Error(`hop ${hop} to ${url.href} answered ${response.status}: ${await response.text()}`);
    }
    await response.arrayBuffer();
    if (url.host === appHost && url.pathname.endsWith('/oidc/callback')) return { location, jar };
    let next = new URL(location, url);
    if (next.href.startsWith(callbackPrefix(t))) {
      options.tamper?.(next);
      next = new URL(`${t.baseUrl}${next.pathname}${next.search}`);
    }
    url = next;
  }
  throw new Error('too many redirects');
}

/** The session cookie the flow left in the jar, as a Cookie header for the test app. */
export function sessionCookieFrom(t: TestApp, jar: CookieJar): string {
  return `mp_staff=${jar.get(new URL(t.baseUrl).host, 'mp_staff') ?? ''}`;
}

/**
 * Configures a municipality's identity provider as the administration stores it: the client
 * secret encrypted with the app's keys. The test provider is on 127.0.0.1, so the app must run
 * with `oidcAllowPrivateIssuers: true`.
 */
export async function registerOidcProvider(
  t: Pick<TestApp, 'ctx'>,
  kommunenummer: string,
  idp: Pick<TestOidcProvider, 'issuer' | 'clientId' | 'clientSecret'>,
  label: string,
): Promise<void> {
  const secret = t.ctx.keyring.encrypt(idp.clientSecret, oidcClientSecretContext(kommunenummer));
  await t.ctx.db.db.execute(sql`insert into oidc_providers (kommunenummer, issuer, client_id, client_secret, label)
    values (${kommunenummer}, ${idp.issuer}, ${idp.clientId}, ${secret}, ${label})`);
}
