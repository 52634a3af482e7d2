// Talking to a municipality's OpenID provider with openid-client. The provider's metadata (its
// discovery document) is fetched once per issuer per process and kept; the client credentials come
// from the database on each login, so an administrator's change applies at once.
import * as client from 'openid-client';
import { isLoopbackHttp } from './oidc-issuer.ts';

export interface OidcProviderRow {
  kommunenummer: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
}

const metadataByIssuer = new Map<string, Promise<client.ServerMetadata>>();

function insecureAllowed(issuer: URL): client.DiscoveryRequestOptions {
  // openid-client refuses plain http. Loopback issuers are the tests' local provider and a
  // developer's Keycloak; everything else must use https (see oidc-issuer.ts).
  return isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {};
}

async function discover(issuer: string): Promise<client.ServerMetadata> {
  const url = new URL(issuer);
  const config = await client.discovery(url, 'meldepunkt', undefined, undefined, insecureAllowed(url));
  return { ...config.serverMetadata() };
}

function metadataOf(issuer: string): Promise<client.ServerMetadata> {
  let pending = metadataByIssuer.get(issuer);
  if (!pending) {
    pending = discover(issuer);
    metadataByIssuer.set(issuer, pending);
    // A failed discovery is not kept: the provider may be back on the next try.
    pending.catch(() => metadataByIssuer.delete(issuer));
  }
  return pending;
}

/** A client configuration for one municipality's provider. */
export async function oidcConfiguration(provider: OidcProviderRow): Promise<client.Configuration> {
  const metadata = await metadataOf(provider.issuer);
  // client_secret_basic is the spec's default; use post only where the provider offers nothing else.
  const methods = metadata.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  const auth = methods.includes('client_secret_basic')
    ? client.ClientSecretBasic(provider.clientSecret)
    : client.ClientSecretPost(provider.clientSecret);
  const config = new client.Configuration(metadata, provider.clientId, undefined, auth);
  if (isLoopbackHttp(new URL(provider.issuer))) client.allowInsecureRequests(config);
  return config;
}
