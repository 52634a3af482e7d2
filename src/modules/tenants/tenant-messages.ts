// What the platform operator's municipality commands say when they refuse. Use cases throw
// AppErrors like every other module, so the same refusals could later be answered over HTTP.
import type { Message } from '../../shared/errors.ts';

export const tenantMessages = {
  unknownKommunenummer: (kommunenummer: string): Message => ({
    nb: `Kommunenummer ${kommunenummer} finnes ikke i kommunegrensene som følger med Meldepunkt.`,
    nn: `Kommunenummer ${kommunenummer} finst ikkje i kommunegrensene som følgjer med Meldepunkt.`,
    en: `Kommunenummer ${kommunenummer} is not in the municipality boundaries shipped with Meldepunkt.`,
  }),
  kommunenummerTaken: (kommunenummer: string, name: string): Message => ({
    nb: `Kommune ${kommunenummer} (${name}) finnes allerede. Ingenting er endret.`,
    nn: `Kommune ${kommunenummer} (${name}) finst allereie. Ingenting er endra.`,
    en: `Municipality ${kommunenummer} (${name}) already exists. Nothing was changed.`,
  }),
  slugTaken: (slug: string): Message => ({
    nb: `Adressen /${slug} er allerede i bruk av en annen kommune. Velg en annen med --slug.`,
    nn: `Adressa /${slug} er allereie i bruk av ein annan kommune. Vel ei anna med --slug.`,
    en: `The address /${slug} is already used by another municipality. Choose another with --slug.`,
  }),
  invalidSlug: (slug: string): Message => ({
    nb: `«${slug}» kan ikke brukes som adresse: bruk små bokstaver a–z, sifre og enkle bindestreker.`,
    nn: `«${slug}» kan ikkje brukast som adresse: bruk små bokstavar a–z, siffer og enkle bindestrekar.`,
    en: `"${slug}" cannot be used as an address: use lower-case letters a–z, digits and single hyphens.`,
  }),
  invalidName: (): Message => ({
    nb: 'Navnet kan ikke være tomt.',
    nn: 'Namnet kan ikkje vere tomt.',
    en: 'The name cannot be empty.',
  }),
  templateNotFound: (kommunenummer: string): Message => ({
    nb: `Malkommunen ${kommunenummer} finnes ikke i databasen.`,
    nn: `Malkommunen ${kommunenummer} finst ikkje i databasen.`,
    en: `The template municipality ${kommunenummer} is not in the database.`,
  }),
  municipalityNotFound: (kommunenummer: string): Message => ({
    nb: `Kommune ${kommunenummer} finnes ikke i databasen.`,
    nn: `Kommune ${kommunenummer} finst ikkje i databasen.`,
    en: `Municipality ${kommunenummer} is not in the database.`,
  }),
  invalidEmail: (): Message => ({
    nb: 'Administratorens e-postadresse er ikke gyldig.',
    nn: 'E-postadressa til administratoren er ikkje gyldig.',
    en: "The administrator's email address is not valid.",
  }),
};
