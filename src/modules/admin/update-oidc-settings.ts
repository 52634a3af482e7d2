// The municipality's own identity provider for staff login (Entra ID, Keycloak…). The client
// secret is write-only: never returned, never written to the audit log; leaving it out keeps it.
// It is stored encrypted. An issuer on a loopback, private or link-local address is refused
// (unless OIDC_ALLOW_PRIVATE_ISSUERS is set): the server would fetch it for anyone who asks.
import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import { checkHost, type Resolver } from '../../http/public-address.ts';
import { AppError } from '../../shared/errors.ts';
import { isAllowedIssuer } from '../accounts/oidc-issuer.ts';
import { oidcProviders } from '../accounts/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { oidcClientSecretContext } from '../secrets/stored-secrets.ts';
import type { OidcSettingsInput } from './admin-http-schemas.ts';
import { adminMessages } from './admin-messages.ts';
import { changedFields, refuseIfAny } from './admin-support.ts';

export function oidcRedirectUri(publicUrl: string): string {
  return `${publicUrl}/api/v1/staff/oidc/callback`;
}

export async function getOidcSettings(db: Queryable, kommunenummer: string, publicUrl: string) {
  const [row] = await db.select().from(oidcProviders).where(eq(oidcProviders.kommunenummer, kommunenummer));
  return {
    configured: row !== undefined,
    issuer: row?.issuer ?? null,
    clientId: row?.clientId ?? null,
    label: row?.label ?? null,
    enabled: row?.enabled ?? false,
    hasClientSecret: Boolean(row?.clientSecret),
    redirectUri: oidcRedirectUri(publicUrl),
  };
}

export interface OidcSettingsDeps {
  db: Database;
  keyring: Keyring;
  allowPrivateIssuers: boolean;
  /** Tests pass their own; the system's resolver otherwise. */
  resolver?: Resolver;
}

/**
 * Refuses an issuer whose host is, or resolves to, a non-public address. A host that does not
 * resolve now is accepted: it may not be published yet, and every fetch is checked again anyway.
 */
async function refuseNonPublicIssuer(issuer: string, deps: OidcSettingsDeps): Promise<void> {
  if (deps.allowPrivateIssuers) return;
  const { hostname } = new URL(issuer);
  const result = await checkHost(hostname, deps.resolver);
  if (result.kind !== 'not_public') return;
  const message = adminMessages.issuerNotPublic(hostname);
  throw new AppError(422, 'issuer_not_public', message, [{ field: 'issuer', code: 'not_public', message }]);
}

export async function updateOidcSettings(
  deps: OidcSettingsDeps,
  actorId: string,
  kommunenummer: string,
  publicUrl: string,
  input: OidcSettingsInput,
) {
  // Kept exactly as given: discovery checks it against the provider's own issuer, slash and all.
  const issuer = input.issuer.trim();
  if (!isAllowedIssuer(issuer)) {
    refuseIfAny([{ field: 'issuer', code: 'invalid_url', message: adminMessages.issuerUrl() }]);
  }
  await refuseNonPublicIssuer(issuer, deps);
  return deps.db.transaction(async (tx) => {
    const before = await getOidcSettings(tx, kommunenummer, publicUrl);
    const secret = input.clientSecret?.trim();
    if (!before.configured && !secret) {
      throw new AppError(400, 'client_secret_required', adminMessages.clientSecretRequired(), [
        { field: 'clientSecret', code: 'required', message: adminMessages.clientSecretRequired() },
      ]);
    }
    const stored = secret ? deps.keyring.encrypt(secret, oidcClientSecretContext(kommunenummer)) : undefined;
    const values = {
      issuer,
      clientId: input.clientId.trim(),
      label: input.label.trim(),
      enabled: input.enabled,
      ...(stored ? { clientSecret: stored } : {}),
    };
    if (before.configured) {
      await tx
        .update(oidcProviders)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(oidcProviders.kommunenummer, kommunenummer));
    } else {
      await tx.insert(oidcProviders).values({ kommunenummer, ...values, clientSecret: stored ?? '' });
    }
    const after = await getOidcSettings(tx, kommunenummer, publicUrl);
    const diff = changedFields(before, after);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'oidc_provider.updated',
      entityType: 'oidc_provider',
      entityId: kommunenummer,
      before: diff.before,
      // Only that the secret changed, never the secret.
      after: { ...diff.after, ...(secret ? { clientSecretChanged: true } : {}) },
    });
    return after;
  });
}
