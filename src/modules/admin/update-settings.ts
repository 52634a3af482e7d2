// A municipality's own settings: name, public address (slug), languages, logo, colour, on-call
// number, contact address and whether residents can report. Every rule is checked together so the
// administrator sees every problem at once.
import { eq } from 'drizzle-orm';
import type { Database, Queryable } from '../../db/client.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { isEmailAddress } from '../../shared/text.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { municipalities } from '../tenants/schema.ts';
import type { SettingsInput } from './admin-http-schemas.ts';
import { adminMessages } from './admin-messages.ts';
import { changedFields, notFound, refuseIfAny, withUniqueCheck } from './admin-support.ts';
import { contrastWithWhite, MIN_CONTRAST_WITH_WHITE } from './brand-contrast.ts';

export type Settings = SettingsInput & { kommunenummer: string };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function getSettings(db: Queryable, kommunenummer: string): Promise<Settings> {
  const [row] = await db.select().from(municipalities).where(eq(municipalities.kommunenummer, kommunenummer));
  if (!row) throw notFound('municipality');
  return {
    kommunenummer: row.kommunenummer,
    name: row.name,
    slug: row.slug,
    languages: row.languages,
    defaultLanguage: row.defaultLanguage,
    logoUrl: row.logoUrl,
    brandColor: row.brandColor,
    onCallPhone: row.onCallPhone,
    contactEmail: row.contactEmail,
    enabled: row.enabled,
  };
}

export function checkSettings(input: SettingsInput): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (!SLUG.test(input.slug))
    errors.push({ field: 'slug', code: 'invalid_format', message: adminMessages.slugFormat() });
  if (!input.languages.includes(input.defaultLanguage)) {
    errors.push({
      field: 'defaultLanguage',
      code: 'not_offered',
      message: adminMessages.defaultLanguageMissing(),
    });
  }
  const ratio = contrastWithWhite(input.brandColor);
  if (ratio < MIN_CONTRAST_WITH_WHITE) {
    errors.push({
      field: 'brandColor',
      code: 'low_contrast',
      message: adminMessages.brandColorContrast(ratio),
    });
  }
  const logo = input.logoUrl?.trim();
  if (logo && !(logo.startsWith('https://') || (logo.startsWith('/') && !logo.startsWith('//')))) {
    errors.push({ field: 'logoUrl', code: 'invalid_url', message: adminMessages.logoUrl() });
  }
  const email = input.contactEmail?.trim();
  if (email && !isEmailAddress(email)) {
    errors.push({ field: 'contactEmail', code: 'invalid_email', message: adminMessages.emailFormat() });
  }
  return errors;
}

export async function updateSettings(
  db: Database,
  actorId: string,
  kommunenummer: string,
  input: SettingsInput,
): Promise<Settings> {
  refuseIfAny(checkSettings(input));
  const slug = input.slug;
  const conflict = { code: 'slug_taken', message: adminMessages.slugTaken(slug), field: 'slug' };
  return withUniqueCheck(db, conflict, async (tx) => {
    const before = await getSettings(tx, kommunenummer);
    const blankToNull = (value: string | null) => (value?.trim() ? value.trim() : null);
    await tx
      .update(municipalities)
      .set({
        name: input.name.trim(),
        slug,
        languages: input.languages,
        defaultLanguage: input.defaultLanguage,
        logoUrl: blankToNull(input.logoUrl),
        brandColor: input.brandColor.toLowerCase(),
        onCallPhone: blankToNull(input.onCallPhone),
        contactEmail: blankToNull(input.contactEmail)?.toLowerCase() ?? null,
        enabled: input.enabled,
        updatedAt: new Date(),
      })
      .where(eq(municipalities.kommunenummer, kommunenummer));
    const after = await getSettings(tx, kommunenummer);
    await recordAudit(tx, {
      kommunenummer,
      actorId,
      action: 'municipality.updated',
      entityType: 'municipality',
      entityId: kommunenummer,
      ...changedFields(before, after),
    });
    return after;
  });
}
