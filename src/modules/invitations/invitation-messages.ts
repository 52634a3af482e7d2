// Texts of invitations: their errors and the email, in bokmål, nynorsk and English. The email is
// the same whether or not the address already has an account: it goes to the person, and the
// page behind the link finds out which way they accept.
import type { Message } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import type { StaffRole } from '../accounts/roles.ts';

export const invitationMessages = {
  emailFormat: (): Message => ({
    nb: 'Skriv en gyldig e-postadresse.',
    nn: 'Skriv ei gyldig e-postadresse.',
    en: 'Enter a valid email address.',
  }),
  nameRequired: (): Message => ({
    nb: 'Skriv navnet til personen.',
    nn: 'Skriv namnet til personen.',
    en: "Enter the person's name.",
  }),
  rolesRequired: (): Message => ({
    nb: 'En ny bruker må ha minst én rolle.',
    nn: 'Ein ny brukar må ha minst éi rolle.',
    en: 'A new user needs at least one role.',
  }),
  teamNotHere: (): Message => ({
    nb: 'Teamet hører ikke til denne kommunen.',
    nn: 'Teamet høyrer ikkje til denne kommunen.',
    en: 'The team does not belong to this municipality.',
  }),
  invalidInvitation: (): Message => ({
    nb: 'Noe er galt i invitasjonen. Rett opp feltene som er merket.',
    nn: 'Noko er gale i invitasjonen. Rett opp felta som er merkte.',
    en: 'Something is wrong in the invitation. Correct the fields marked.',
  }),
  municipalityUnknown: (): Message => ({
    nb: 'Kommunen finnes ikke.',
    nn: 'Kommunen finst ikkje.',
    en: 'The municipality does not exist.',
  }),
  userExists: (): Message => ({
    nb: 'Denne personen har allerede tilgang i kommunen. Endre brukeren i stedet.',
    nn: 'Denne personen har allereie tilgang i kommunen. Endre brukaren i staden.',
    en: 'This person already has access in this municipality. Edit the user instead.',
  }),
  pending: (): Message => ({
    nb: 'Adressen har allerede en ventende invitasjon til kommunen. Send den på nytt i stedet.',
    nn: 'Adressa har allereie ein ventande invitasjon til kommunen. Send han på nytt i staden.',
    en: 'This address already has a pending invitation to the municipality. Send it again instead.',
  }),
  notFound: (): Message => ({
    nb: 'Fant ikke invitasjonen.',
    nn: 'Fann ikkje invitasjonen.',
    en: 'Could not find the invitation.',
  }),
  invalid: (): Message => ({
    nb: 'Invitasjonslenken er ugyldig. Åpne lenken fra e-posten på nytt, og kopier hele lenken.',
    nn: 'Invitasjonslenkja er ugyldig. Opne lenkja frå e-posten på nytt, og kopier heile lenkja.',
    en: 'The invitation link is not valid. Open the link from the email again, and copy all of it.',
  }),
  expired: (): Message => ({
    nb: 'Invitasjonen er utløpt (den virker i 7 dager). Be administratoren som inviterte deg om å sende den på nytt.',
    nn: 'Invitasjonen har gått ut (han verkar i 7 dagar). Be administratoren som inviterte deg om å sende han på nytt.',
    en: 'The invitation has expired (it works for 7 days). Ask the administrator who invited you to send it again.',
  }),
  used: (): Message => ({
    nb: 'Invitasjonen er allerede tatt imot. Logg inn for å komme til saksbehandlingen.',
    nn: 'Invitasjonen er allereie teken imot. Logg inn for å kome til sakshandsaminga.',
    en: 'The invitation has already been accepted. Log in to get to the back office.',
  }),
  revoked: (): Message => ({
    nb: 'Invitasjonen er trukket tilbake eller erstattet av en nyere. Bruk lenken i den nyeste e-posten, eller ta kontakt med administratoren som inviterte deg.',
    nn: 'Invitasjonen er trekt tilbake eller erstatta av ein nyare. Bruk lenkja i den nyaste e-posten, eller ta kontakt med administratoren som inviterte deg.',
    en: 'The invitation has been withdrawn or replaced by a newer one. Use the link in the newest email, or contact the administrator who invited you.',
  }),
  otherAccount: (): Message => ({
    nb: 'Invitasjonen er sendt til en annen e-postadresse enn den du er logget inn med. Logg ut, og logg inn med adressen invitasjonen ble sendt til.',
    nn: 'Invitasjonen er send til ei anna e-postadresse enn den du er logga inn med. Logg ut, og logg inn med adressa invitasjonen vart send til.',
    en: 'The invitation was sent to a different email address from the one you are logged in with. Log out, and log in with the address the invitation was sent to.',
  }),
  accountExists: (): Message => ({
    nb: 'Det finnes allerede en konto for denne adressen. Logg inn med den for å takke ja.',
    nn: 'Det finst allereie ein konto for denne adressa. Logg inn med han for å takke ja.',
    en: 'An account already exists for this address. Log in with it to accept.',
  }),
  accountInactive: (): Message => ({
    nb: 'Kontoen for denne adressen er deaktivert. Ta kontakt med administratoren som inviterte deg.',
    nn: 'Kontoen for denne adressa er deaktivert. Ta kontakt med administratoren som inviterte deg.',
    en: 'The account for this address has been deactivated. Contact the administrator who invited you.',
  }),
};

const ROLE_NAMES: Record<Language, Record<StaffRole, string>> = {
  nb: {
    admin: 'administrator',
    saksbehandler: 'saksbehandler',
    servicekontor: 'servicekontor',
    feltarbeider: 'feltarbeider',
    leser: 'lesetilgang',
  },
  nn: {
    admin: 'administrator',
    saksbehandler: 'sakshandsamar',
    servicekontor: 'servicekontor',
    feltarbeider: 'feltarbeidar',
    leser: 'lesetilgang',
  },
  en: {
    admin: 'administrator',
    saksbehandler: 'case handler',
    servicekontor: 'front desk',
    feltarbeider: 'field worker',
    leser: 'read-only access',
  },
};

export function roleNames(language: Language, roles: readonly StaffRole[]): string {
  return roles.map((role) => ROLE_NAMES[language][role]).join(', ');
}

export const INVITATION_EMAIL: Record<
  Language,
  {
    subject: (municipality: string) => string;
    body: (name: string, municipality: string, roles: string, link: string) => string[];
    footer: string;
  }
> = {
  nb: {
    subject: (municipality) => `Invitasjon til saksbehandlingen i ${municipality}`,
    body: (name, municipality, roles, link) => [
      `Hei ${name},`,
      `${municipality} inviterer deg til saksbehandlingen i Meldepunkt (${roles}). Åpne lenken for å takke ja. Den virker i 7 dager og kan brukes én gang:`,
      link,
      'Har du allerede en konto i Meldepunkt, logger du inn med den. Ellers lager du en konto med lenken.',
      'Venter du ikke denne invitasjonen, kan du se bort fra e-posten.',
    ],
    footer: 'Denne e-posten er sendt automatisk fra Meldepunkt.',
  },
  nn: {
    subject: (municipality) => `Invitasjon til sakshandsaminga i ${municipality}`,
    body: (name, municipality, roles, link) => [
      `Hei ${name},`,
      `${municipality} inviterer deg til sakshandsaminga i Meldepunkt (${roles}). Opne lenkja for å takke ja. Ho verkar i 7 dagar og kan brukast éin gong:`,
      link,
      'Har du allereie ein konto i Meldepunkt, loggar du inn med han. Elles lagar du ein konto med lenkja.',
      'Ventar du ikkje denne invitasjonen, kan du sjå bort frå e-posten.',
    ],
    footer: 'Denne e-posten er send automatisk frå Meldepunkt.',
  },
  en: {
    subject: (municipality) => `Invitation to the back office of ${municipality}`,
    body: (name, municipality, roles, link) => [
      `Hello ${name},`,
      `${municipality} invites you to its back office in Meldepunkt (${roles}). Open the link to accept. It works for 7 days and only once:`,
      link,
      'If you already have an account in Meldepunkt, you log in with it. Otherwise you create one with the link.',
      'If you did not expect this invitation, you can ignore this email.',
    ],
    footer: 'This email was sent automatically by Meldepunkt.',
  },
};
