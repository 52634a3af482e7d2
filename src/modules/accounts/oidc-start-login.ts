// The first half of an OIDC login: remember a PKCE verifier, a state and a nonce for this browser,
// and send it to the municipality's provider.

import { sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { type OidcDeps, type OidcProviderRow, oidcConfiguration } from './oidc-discovery.ts';
import { oidcMessages } from './oidc-messages.ts';

/** How long a browser may spend at the provider before the login must start again. */
export const OIDC_LOGIN_TTL_SECONDS = 10 * 60;

export function oidcCallbackUrl(publicUrl: string): string {
  return `${publicUrl}/api/v1/staff/oidc/callback`;
}

/** The provider with its client secret as stored (encrypted); oidcConfiguration decrypts it. */
export async function findEnabledProvider(
  db: Database,
  kommunenummer: string,
): Promise<OidcProviderRow | undefined> {
  const [row] = await queryRows<OidcProviderRow>(
    db,
    sql`select kommunenummer, issuer, client_id as "clientId", client_secret as "clientSecret"
      from oidc_providers where kommunenummer = ${kommunenummer} and enabled`,
  );
  return row;
}

/** Logins started but never finished; called on every start so the table stays small. */
export async function forgetStaleOidcLogins(db: Database): Promise<void> {
  await db.execute(
    sql`delete from oidc_logins where created_at < now() - ${`${OIDC_LOGIN_TTL_SECONDS} seconds`}::interval`,
  );
}

export async function startOidcLogin(
  db: Database,
  deps: OidcDeps,
  kommunenummer: string,
  publicUrl: string,
): Promise<{ redirectTo: string; state: string }> {
  const provider = await findEnabledProvider(db, kommunenummer);
  if (!provider) throw new AppError(404, 'oidc_not_configured', oidcMessages.notConfigured());
  const config = await oidcConfiguration(provider, deps);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await forgetStaleOidcLogins(db);
  await db.execute(sql`insert into oidc_logins (state, kommunenummer, code_verifier, nonce)
    values (${state}, ${kommunenummer}, ${codeVerifier}, ${nonce})`);
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidcCallbackUrl(publicUrl),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { redirectTo: url.href, state };
}
