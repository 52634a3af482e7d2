// The platform operator adds a municipality: its name and address come from the shipped
// municipality boundaries, its setup is copied from a template municipality, and it takes reports
// at once. Everything happens in one transaction, and a kommunenummer or address already in use
// is refused without changing anything. The first administrator is invited afterwards by the
// caller (see `adminInvitation`), through whatever invitation the accounts module offers.

import { eq, sql } from 'drizzle-orm';
import { type Database, queryRows, type Transaction } from '../../db/client.ts';
import { PG_UNIQUE_VIOLATION, pgErrorCode } from '../../db/errors.ts';
import { AppError } from '../../shared/errors.ts';
import { LANGUAGES, type Language, type MunicipalLanguage } from '../../shared/language.ts';
import { isEmailAddress } from '../../shared/text.ts';
import { seedAssetTypes } from '../assets/seed-asset-types.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { seedNoticeTemplates } from '../notices/notice-templates.ts';
import { createReferenceSequencesAhead } from '../reports/reference.ts';
import { type CopiedSetup, copyMunicipalitySetup, NOTHING_COPIED } from './copy-municipality-setup.ts';
import { isValidSlug, slugFromName } from './municipality-slug.ts';
import { municipalities } from './schema.ts';
import { tenantMessages } from './tenant-messages.ts';

/** The template when none is named: the demo municipality Porsgrunn, when the database has it. */
export const DEFAULT_TEMPLATE_KOMMUNENUMMER = '4001';

/** Names of municipalities by number, as the shipped boundaries know them (the locator does). */
export interface MunicipalityDirectory {
  nameOf(kommunenummer: string): string | undefined;
}

export interface AddMunicipalityInput {
  kommunenummer: string;
  adminEmail: string;
  /** Defaults to the part of the email before the @; the administrator can change it later. */
  adminName?: string | undefined;
  /** The template municipality; default 4001 when it exists, else the new one starts empty. */
  from?: string | undefined;
  /** Defaults to the name in the shipped boundaries. */
  name?: string | undefined;
  /** Defaults to the name, lower-cased, æ→ae, ø→o, å→a, spaces→-. */
  slug?: string | undefined;
  /** The municipality's own written form; the boundaries say nothing about it, so bokmål. */
  language?: MunicipalLanguage | undefined;
}

/** Exactly what the accounts module's invitation takes for the first administrator. */
export interface FirstAdminInvitation {
  kommunenummer: string;
  email: string;
  name: string;
  language: Language;
  roles: ['admin'];
  teamIds: string[];
  /** No staff member invites: the platform operator does. */
  invitedBy: null;
}

export interface AddedMunicipality {
  kommunenummer: string;
  name: string;
  slug: string;
  defaultLanguage: MunicipalLanguage;
  /** The municipality the setup was copied from, or null when it starts empty. */
  templateFrom: string | null;
  copied: CopiedSetup;
  adminInvitation: FirstAdminInvitation;
}

interface Checked {
  kommunenummer: string;
  name: string;
  slug: string;
  language: MunicipalLanguage;
  adminEmail: string;
  adminName: string;
}

function check(directory: MunicipalityDirectory, input: AddMunicipalityInput): Checked {
  const kommunenummer = input.kommunenummer.trim();
  const shippedName = /^\d{4}$/.test(kommunenummer) ? directory.nameOf(kommunenummer) : undefined;
  if (!shippedName) {
    throw new AppError(404, 'unknown_kommunenummer', tenantMessages.unknownKommunenummer(kommunenummer));
  }
  const name = input.name === undefined ? shippedName : input.name.trim();
  if (!name) throw new AppError(400, 'invalid_name', tenantMessages.invalidName());
  const slug = input.slug?.trim() ?? slugFromName(name);
  if (!isValidSlug(slug)) throw new AppError(400, 'invalid_slug', tenantMessages.invalidSlug(slug));
  const adminEmail = input.adminEmail.trim().toLowerCase();
  if (!isEmailAddress(adminEmail)) throw new AppError(400, 'invalid_email', tenantMessages.invalidEmail());
  const adminName = input.adminName?.trim() || (adminEmail.split('@')[0] ?? adminEmail);
  return { kommunenummer, name, slug, language: input.language ?? 'nb', adminEmail, adminName };
}

/** Refuses a kommunenummer or slug already in use, naming which. */
async function refuseIfTaken(db: Database | Transaction, wanted: Checked): Promise<void> {
  const rows = await queryRows<{ kommunenummer: string; name: string; slug: string }>(
    db,
    sql`select kommunenummer, name, slug from municipalities
         where kommunenummer = ${wanted.kommunenummer} or slug = ${wanted.slug}`,
  );
  const sameNumber = rows.find((r) => r.kommunenummer === wanted.kommunenummer);
  if (sameNumber) {
    throw new AppError(
      409,
      'municipality_exists',
      tenantMessages.kommunenummerTaken(sameNumber.kommunenummer, sameNumber.name),
    );
  }
  if (rows.length > 0) throw new AppError(409, 'slug_taken', tenantMessages.slugTaken(wanted.slug));
}

async function templateOf(tx: Transaction, from: string | undefined) {
  const wanted = from?.trim() ?? DEFAULT_TEMPLATE_KOMMUNENUMMER;
  const [template] = /^\d{4}$/.test(wanted)
    ? await tx.select().from(municipalities).where(eq(municipalities.kommunenummer, wanted))
    : [];
  if (!template && from !== undefined) {
    throw new AppError(404, 'template_not_found', tenantMessages.templateNotFound(wanted));
  }
  return template;
}

export async function addMunicipality(
  deps: { db: Database; directory: MunicipalityDirectory },
  input: AddMunicipalityInput,
): Promise<AddedMunicipality> {
  const wanted = check(deps.directory, input);
  try {
    return await deps.db.transaction(async (tx) => {
      await refuseIfTaken(tx, wanted);
      const template = await templateOf(tx, input.from);
      // The template's choice of languages offered to residents, always with the municipality's own.
      const offered = template?.languages ?? [...LANGUAGES];
      const languages = offered.includes(wanted.language) ? offered : [wanted.language, ...offered];
      await tx.insert(municipalities).values({
        kommunenummer: wanted.kommunenummer,
        name: wanted.name,
        slug: wanted.slug,
        defaultLanguage: wanted.language,
        languages,
        enabled: true,
      });
      // Reference numbers of this year and next are ready before the first report (see reference.ts).
      await createReferenceSequencesAhead(tx, [wanted.kommunenummer]);
      const copied = template
        ? await copyMunicipalitySetup(tx, template.kommunenummer, wanted.kommunenummer)
        : NOTHING_COPIED;
      // The shipped wording, not the template municipality's: an edited text may name that municipality.
      await seedNoticeTemplates(tx, wanted.kommunenummer);
      // The common asset types, so stickers and imports work from the first day (renamed in admin).
      await seedAssetTypes(tx, wanted.kommunenummer);
      await recordAudit(tx, {
        kommunenummer: wanted.kommunenummer,
        actorId: null,
        action: 'municipality.created',
        entityType: 'municipality',
        entityId: wanted.kommunenummer,
        after: {
          name: wanted.name,
          slug: wanted.slug,
          defaultLanguage: wanted.language,
          languages,
          enabled: true,
          templateFrom: template?.kommunenummer ?? null,
          copied,
        },
      });
      return {
        kommunenummer: wanted.kommunenummer,
        name: wanted.name,
        slug: wanted.slug,
        defaultLanguage: wanted.language,
        templateFrom: template?.kommunenummer ?? null,
        copied,
        adminInvitation: {
          kommunenummer: wanted.kommunenummer,
          email: wanted.adminEmail,
          name: wanted.adminName,
          language: wanted.language,
          roles: ['admin'],
          teamIds: [],
          invitedBy: null,
        },
      };
    });
  } catch (error) {
    // Another operator added the same municipality between our check and our insert.
    if (pgErrorCode(error) === PG_UNIQUE_VIOLATION) await refuseIfTaken(deps.db, wanted);
    throw error;
  }
}
