// The first half of an OIDC flow: remember a PKCE verifier, a state and a nonce for this browser,
// and send it to the municipality's provider. The flow is a login, or a logged-in holder linking
// their account to the provider (then bound to their account and to the session that asked).

import { sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { type Database, queryRows } from '../../db/client.ts';
import { AppError } from '../../shared/errors.ts';
import { type OidcDeps, type OidcProviderRow, oidcConfiguration } from './oidc-discovery.ts';
import { oidcMessages } from './oidc-messages.ts';

/** How long a browser may spend at the provider before the login must start again. */
export const OIDC_LOGIN_TTL_SECONDS = 10 * 60;

/**
 * The cookie that binds a flow to the browser that started it. SameSite=Lax, not Strict: the
 * provider's redirect back is a cross-site navigation, and a Strict cookie would not come along.
 */
export function oidcStateCookie(publicUrl: string) {
  const secure = publicUrl.startsWith('https:');
  return {
    name: secure ? '__Host-mp_oidc_state' : 'mp_oidc_state',
    options: { path: '/', httpOnly: true, secure, sameSite: 'lax' as const, maxAge: OIDC_LOGIN_TTL_SECONDS },
  };
}

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

export type OidcIntent =
  | { kind: 'login' }
  /** The holder's account, and the SHA-256 of the session that asked (it must still be alive at the callback). */
  | { kind: 'link'; userId: string; sessionTokenHash: Buffer };

export async function startOidcLogin(
  db: Database,
  deps: OidcDeps,
  kommunenummer: string,
  publicUrl: string,
  intent: OidcIntent = { kind: 'login' },
): Promise<{ redirectTo: string; state: string }> {
  const provider = await findEnabledProvider(db, kommunenummer);
  if (!provider) throw new AppError(404, 'oidc_not_configured', oidcMessages.notConfigured());
  const config = await oidcConfiguration(provider, deps);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await forgetStaleOidcLogins(db);
  const userId = intent.kind === 'link' ? intent.userId : null;
  const sessionTokenHash = intent.kind === 'link' ? intent.sessionTokenHash : null;
  await db.execute(sql`insert into oidc_logins
      (state, kommunenummer, code_verifier, nonce, intent, user_id, session_token_hash)
    values (${state}, ${kommunenummer}, ${codeVerifier}, ${nonce}, ${intent.kind}, ${userId}::uuid,
      ${sessionTokenHash})`);
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
