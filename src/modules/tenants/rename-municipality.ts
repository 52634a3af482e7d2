// The platform operator renames a municipality (a merger, a spelling), and may move its pages to
// a new address. The old address then leads nowhere: links and embeds on the municipality's own
// site must be updated, so the slug only changes when asked for.
import { eq, sql } from 'drizzle-orm';
import { type Database, queryRows } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isValidSlug } from './municipality-slug.ts';
import { municipalities } from './schema.ts';
import { tenantMessages } from './tenant-messages.ts';

export interface RenameMunicipalityInput {
  kommunenummer: string;
  name: string;
  slug?: string | undefined;
}

export async function renameMunicipality(
  db: Database,
  input: RenameMunicipalityInput,
): Promise<{ name: string; slug: string; changed: boolean }> {
  const name = input.name.trim();
  if (!name) throw new AppError(400, 'invalid_name', tenantMessages.invalidName());
  const wantedSlug = input.slug?.trim();
  if (wantedSlug !== undefined && !isValidSlug(wantedSlug)) {
    throw new AppError(400, 'invalid_slug', tenantMessages.invalidSlug(wantedSlug));
  }
  try {
    return await db.transaction(async (tx) => {
      const [before] = await queryRows<{ name: string; slug: string }>(
        tx,
        sql`select name, slug from municipalities where kommunenummer = ${input.kommunenummer} for update`,
      );
      if (!before) {
        throw new AppError(
          404,
          'municipality_not_found',
          tenantMessages.municipalityNotFound(input.kommunenummer),
        );
      }
      const after = { name, slug: wantedSlug ?? before.slug };
      if (after.name === before.name && after.slug === before.slug) return { ...after, changed: false };
      await tx
        .update(municipalities)
        .set({ ...after, updatedAt: new Date() })
        .where(eq(municipalities.kommunenummer, input.kommunenummer));
      await recordAudit(tx, {
        kommunenummer: input.kommunenummer,
        actorId: null,
        action: 'municipality.renamed',
        entityType: 'municipality',
        entityId: input.kommunenummer,
        before,
        after,
      });
      return { ...after, changed: true };
    });
  } catch (error) {
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION && wantedSlug) {
      throw new AppError(409, 'slug_taken', tenantMessages.slugTaken(wantedSlug));
    }
    throw error;
  }
}
