// Every secret Meldepunkt keeps in its database, and where: the form-token secret in app_settings
// (it signs form tokens, stop links and fix-check links) and each municipality's OIDC client
// secret. Each has a context (its place) that its envelope is bound to.
import { sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.ts';

/** app_settings keys that hold secrets. */
export const SECRET_SETTINGS = ['form-token-secret'] as const;

export interface StoredSecret {
  table: 'app_settings' | 'oidc_providers';
  /** The row's key: the setting's key, or the municipality's kommunenummer. */
  id: string;
  value: string;
}

export function settingContext(key: string): string {
  return `app_settings:${key}`;
}

export function oidcClientSecretContext(kommunenummer: string): string {
  return `oidc_providers.client_secret:${kommunenummer}`;
}

export function contextOf(secret: StoredSecret): string {
  return secret.table === 'app_settings' ? settingContext(secret.id) : oidcClientSecretContext(secret.id);
}

export async function readStoredSecrets(db: Queryable): Promise<StoredSecret[]> {
  const settings = await queryRows<{ id: string; value: string }>(
    db,
    sql`select key as id, value from app_settings
         where key in (${sql.join(
           SECRET_SETTINGS.map((key) => sql`${key}`),
           sql`, `,
         )}) order by key`,
  );
  const providers = await queryRows<{ id: string; value: string }>(
    db,
    sql`select kommunenummer as id, client_secret as value from oidc_providers order by kommunenummer`,
  );
  return [
    ...settings.map((s) => ({ table: 'app_settings' as const, ...s })),
    ...providers.map((p) => ({ table: 'oidc_providers' as const, ...p })),
  ];
}

/**
 * Replaces a secret's stored value only if it still is the value read (compare and set): when
 * several processes start at once, or a rotation runs beside an administrator's change, the
 * first write wins and the others change nothing. Returns whether this call wrote it.
 */
export async function replaceStoredSecret(
  db: Queryable,
  secret: StoredSecret,
  value: string,
): Promise<boolean> {
  const rows =
    secret.table === 'app_settings'
      ? await queryRows(
          db,
          sql`update app_settings set value = ${value} where key = ${secret.id} and value = ${secret.value} returning 1`,
        )
      : await queryRows(
          db,
          sql`update oidc_providers set client_secret = ${value}
               where kommunenummer = ${secret.id} and client_secret = ${secret.value} returning 1`,
        );
  return rows.length > 0;
}
