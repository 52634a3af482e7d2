// Talking to a municipality's OpenID provider with openid-client. The provider's metadata (its
// discovery document) is fetched once per issuer per process and kept; a failed discovery is
// remembered for a minute, so a visitor hammering the start address cannot make the server
// fetch a dead (or hostile) issuer again and again. The client credentials come from the database
// on each login, so an administrator's change applies at once; the client secret is decrypted
// only here, where the client configuration is built.
//
// Every request to the provider goes through a fetch that refuses non-public addresses (see
// http/public-fetch.ts), unless OIDC_ALLOW_PRIVATE_ISSUERS is set for development: an issuer is
// typed by an administrator and fetched on behalf of anonymous visitors.
import * as client from 'openid-client';
import { createPublicOnlyFetch, type FetchLike } from '../../http/public-fetch.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { oidcClientSecretContext } from '../secrets/stored-secrets.ts';
import { isLoopbackHttp } from './oidc-issuer.ts';

export interface OidcProviderRow {
  kommunenummer: string;
  issuer: string;
  clientId: string;
  /** As stored: encrypted (see secrets/keyring.ts). */
  clientSecret: string;
}

/** What building an OIDC client needs from the app context. */
export interface OidcDeps {
  keyring: Keyring;
  /** OIDC_ALLOW_PRIVATE_ISSUERS: development only. */
  allowPrivateIssuers: boolean;
}

const TIMEOUT_SECONDS = 5;
/** How long a failed discovery is answered from memory before the provider is asked again. */
export const FAILED_DISCOVERY_TTL_MS = 60_000;

interface CachedDiscovery {
  metadata: Promise<client.ServerMetadata>;
  failedAt?: number;
}

const discoveries = new Map<string, CachedDiscovery>();

let publicFetch: FetchLike | undefined;
function publicOnlyFetch(): FetchLike {
  publicFetch ??= createPublicOnlyFetch({ connectTimeoutMs: TIMEOUT_SECONDS * 1000 });
  return publicFetch;
}

function guarded(deps: OidcDeps): Pick<client.DiscoveryRequestOptions, typeof client.customFetch> {
  return deps.allowPrivateIssuers ? {} : { [client.customFetch]: publicOnlyFetch() };
}

async function discover(issuer: string, deps: OidcDeps): Promise<client.ServerMetadata> {
  const url = new URL(issuer);
  const config = await client.discovery(url, 'meldepunkt', undefined, undefined, {
    timeout: TIMEOUT_SECONDS,
    ...guarded(deps),
    // openid-client refuses plain http. Loopback issuers are the tests' local provider and a
    // developer's Keycloak; everything else must use https (see oidc-issuer.ts).
    ...(isLoopbackHttp(url) ? { execute: [client.allowInsecureRequests] } : {}),
  });
  return { ...config.serverMetadata() };
}

function metadataOf(issuer: string, deps: OidcDeps): Promise<client.ServerMetadata> {
  // The policy is part of the key: a discovery refused under one must not be served under the other.
  const key = `${deps.allowPrivateIssuers ? 'any' : 'public'} ${issuer}`;
  const cached = discoveries.get(key);
  if (cached && (cached.failedAt === undefined || Date.now() - cached.failedAt < FAILED_DISCOVERY_TTL_MS)) {
    return cached.metadata;
  }
  const entry: CachedDiscovery = { metadata: discover(issuer, deps) };
  entry.metadata.catch(() => {
    entry.failedAt = Date.now();
  });
  discoveries.set(key, entry);
  return entry.metadata;
}

/** A client configuration for one municipality's provider. */
export async function oidcConfiguration(
  provider: OidcProviderRow,
  deps: OidcDeps,
): Promise<client.Configuration> {
  const metadata = await metadataOf(provider.issuer, deps);
  const secret = deps.keyring.decrypt(provider.clientSecret, oidcClientSecretContext(provider.kommunenummer));
  // client_secret_basic is the spec's default; use post only where the provider offers nothing else.
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const auth = methods.includes('client_secret_basic')
    ? client.ClientSecretBasic(secret)
    : client.ClientSecretPost(secret);
  const config = new client.Configuration(metadata, provider.clientId, undefined, auth);
  config.timeout = TIMEOUT_SECONDS;
  // The token, userinfo and key endpoints come from the provider's document: checked the same way.
  if (!deps.allowPrivateIssuers) config[client.customFetch] = publicOnlyFetch();
  if (isLoopbackHttp(new URL(provider.issuer))) client.allowInsecureRequests(config);
  return config;
}
