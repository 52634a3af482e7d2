// The second half of an OIDC flow: the provider sends the browser back with a code. The state
// must match the one this browser was given (cookie) and still be waiting in oidc_logins; the code
// is exchanged with the PKCE verifier, and the ID token must carry the nonce. Then, for a login,
// the identity is matched to a staff account (oidc-find-account.ts) and a session is opened that
// is scoped to this municipality; for a holder's link, the identity is linked to their account
// (oidc-link-account.ts).
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import * as client from 'openid-client';
import { type Database, queryRows } from '../../db/client.ts';
import { recordAccountAudit } from './account-audit.ts';
import { type OidcDeps, oidcConfiguration } from './oidc-discovery.ts';
import { findOidcAccount, type OidcIdentity } from './oidc-find-account.ts';
import { type LinkResult, linkOidcIdentity } from './oidc-link-account.ts';
import { findEnabledProvider, OIDC_LOGIN_TTL_SECONDS, oidcCallbackUrl } from './oidc-start-login.ts';
import { createSession, type NewSession } from './sessions.ts';

export type OidcLoginResult =
  | ({ kind: 'ok'; userId: string } & NewSession)
  | { kind: 'no_account'; reason: string }
  | LinkResult
  | { kind: 'failed'; reason: string; intent: 'login' | 'link'; error?: unknown };

export interface OidcCallback {
  /** The state this browser was given at the start (from its cookie). */
  cookieState: string | undefined;
  /** The callback's query string as the provider sent it. */
  query: URLSearchParams;
  userAgent: string | undefined;
}

function sameState(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function claimString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

// Providers say "verified" differently: the standard claim, or Entra ID's optional `xms_edov`
// (the email's domain is verified by the tenant). Both arrive as booleans, some as strings.
function isVerified(claims: Record<string, unknown>): boolean {
  return [claims.email_verified, claims.xms_edov].some((v) => v === true || v === 'true');
}

export async function finishOidcLogin(
  db: Database,
  deps: OidcDeps,
  publicUrl: string,
  callback: OidcCallback,
): Promise<OidcLoginResult> {
  const state = callback.query.get('state');
  if (!state || !callback.cookieState || !sameState(state, callback.cookieState)) {
    // The flow this browser started cannot finish now (its cookie is cleared): forget it.
    const [forgotten] = callback.cookieState
      ? await queryRows<{ intent: 'login' | 'link' }>(
          db,
          sql`delete from oidc_logins where state = ${callback.cookieState} returning intent`,
        )
      : [];
    return {
      kind: 'failed',
      reason: 'state does not match this browser’s login',
      intent: forgotten?.intent ?? 'login',
    };
  }
  // Used once: deleted as it is read, so a replayed callback finds nothing.
  const [login] = await queryRows<{
    kommunenummer: string;
    code_verifier: string;
    nonce: string;
    intent: 'login' | 'link';
    user_id: string | null;
    session_token_hash: Buffer | Uint8Array | null;
  }>(
    db,
    sql`delete from oidc_logins where state = ${state}
        and created_at > now() - ${`${OIDC_LOGIN_TTL_SECONDS} seconds`}::interval
      returning kommunenummer, code_verifier, nonce, intent, user_id, session_token_hash`,
  );
  if (!login) return { kind: 'failed', reason: 'unknown or expired state', intent: 'login' };
  const intent = login.intent;
  const provider = await findEnabledProvider(db, login.kommunenummer);
  if (!provider) return { kind: 'failed', reason: 'no enabled provider for this municipality', intent };

  let claims: Record<string, unknown>;
  try {
    const config = await oidcConfiguration(provider, deps);
    const currentUrl = new URL(oidcCallbackUrl(publicUrl));
    currentUrl.search = callback.query.toString();
    const tokens = await client.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: login.code_verifier,
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) return { kind: 'failed', reason: 'no ID token', intent };
    claims = { ...idClaims };
    // Many providers (oidc-provider among them) put email only in the userinfo response.
    if (!claimString(claims.email) && config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...info, ...claims, email: info.email, email_verified: info.email_verified };
    }
  } catch (error) {
    return { kind: 'failed', reason: 'code exchange or token validation failed', intent, error };
  }

  const identity: OidcIdentity = {
    issuer: provider.issuer,
    subject: String(claims.sub),
    email: claimString(claims.email),
    emailVerified: isVerified(claims),
  };
  if (intent === 'link') {
    if (!login.user_id || !login.session_token_hash) {
      return { kind: 'failed', reason: 'link without an account', intent };
    }
    return linkOidcIdentity(
      db,
      {
        userId: login.user_id,
        sessionTokenHash: Buffer.from(login.session_token_hash),
        kommunenummer: login.kommunenummer,
      },
      identity,
    );
  }
  return logInWithIdentity(db, login.kommunenummer, identity, callback.userAgent);
}

async function logInWithIdentity(
  db: Database,
  kommunenummer: string,
  identity: OidcIdentity,
  userAgent: string | undefined,
): Promise<OidcLoginResult> {
  const match = await db.transaction(async (tx) => {
    const found = await findOidcAccount(tx, kommunenummer, identity);
    if (found.kind === 'found' && found.linked) {
      // Linked by email only when the account works for this municipality alone: that is where
      // the audit entry goes (every municipality of the account).
      await recordAccountAudit(tx, found.userId, {
        actorId: found.userId,
        action: 'user.oidc_linked',
        entityType: 'staff_user',
        entityId: found.userId,
        after: { oidcIssuer: identity.issuer, oidcSubject: identity.subject, by: 'verified_email' },
      });
    }
    return found;
  });
  if (match.kind === 'none') return { kind: 'no_account', reason: match.reason };
  // The provider vouches for the person in this municipality only: so does the session.
  const session = await createSession(db, match.userId, { method: 'oidc', kommunenummer }, userAgent);
  return { kind: 'ok', userId: match.userId, ...session };
}
