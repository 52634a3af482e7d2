// Messages an administrator reads when a change is refused, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

/** What an administrator works on, named in each language (definite form). */
const ENTITIES = {
  municipality: { nb: 'kommunen', nn: 'kommunen', en: 'the municipality' },
  group: { nb: 'kategorigruppen', nn: 'kategorigruppa', en: 'the category group' },
  category: { nb: 'kategorien', nn: 'kategorien', en: 'the category' },
  team: { nb: 'teamet', nn: 'teamet', en: 'the team' },
  user: { nb: 'brukeren', nn: 'brukaren', en: 'the user' },
  invitation: { nb: 'invitasjonen', nn: 'invitasjonen', en: 'the invitation' },
  template: { nb: 'svarmalen', nn: 'svarmalen', en: 'the reply template' },
  reportLink: { nb: 'meldelenken', nn: 'meldelenka', en: 'the report link' },
} as const;
export type AdminEntity = keyof typeof ENTITIES;

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const adminMessages = {
  invalidChange: (): Message => ({
    nb: 'Endringen kan ikke lagres. Se detaljene.',
    nn: 'Endringa kan ikkje lagrast. Sjå detaljane.',
    en: 'The change cannot be saved. See the details.',
  }),
  notFound: (what: AdminEntity): Message => ({
    nb: `Fant ikke ${ENTITIES[what].nb} i denne kommunen.`,
    nn: `Fann ikkje ${ENTITIES[what].nn} i denne kommunen.`,
    en: `Could not find ${ENTITIES[what].en} in this municipality.`,
  }),
  slugFormat: (): Message => ({
    nb: 'Adressenavnet kan bare ha små bokstaver a–z, sifre og bindestrek mellom ordene.',
    nn: 'Adressenamnet kan berre ha små bokstavar a–z, siffer og bindestrek mellom orda.',
    en: 'The address name may only contain lower-case letters a–z, digits and hyphens between words.',
  }),
  slugTaken: (slug: string): Message => ({
    nb: `Adressenavnet «${slug}» er allerede i bruk av en annen kommune.`,
    nn: `Adressenamnet «${slug}» er allereie i bruk av ein annan kommune.`,
    en: `The address name "${slug}" is already used by another municipality.`,
  }),
  defaultLanguageMissing: (): Message => ({
    nb: 'Standardspråket må være blant språkene kommunen tilbyr.',
    nn: 'Standardspråket må vere mellom språka kommunen tilbyr.',
    en: 'The default language must be one of the languages the municipality offers.',
  }),
  brandColorContrast: (ratio: number): Message => ({
    nb: `Fargen gir for lite kontrast mot hvit tekst (${ratio.toFixed(2)}:1, minst 4.5:1 kreves). Velg en mørkere farge.`,
    nn: `Fargen gir for lite kontrast mot kvit tekst (${ratio.toFixed(2)}:1, minst 4.5:1 krevst). Vel ein mørkare farge.`,
    en: `The colour gives too little contrast with white text (${ratio.toFixed(2)}:1, at least 4.5:1 is required). Choose a darker colour.`,
  }),
  logoUrl: (): Message => ({
    nb: 'Logoadressen må begynne med https:// eller være en sti på denne serveren (/…).',
    nn: 'Logoadressa må byrje med https:// eller vere ein sti på denne serveren (/…).',
    en: 'The logo address must start with https:// or be a path on this server (/…).',
  }),
  emailFormat: (): Message => ({
    nb: 'E-postadressen er ikke gyldig.',
    nn: 'E-postadressa er ikkje gyldig.',
    en: 'The email address is not valid.',
  }),
  codeFormat: (): Message => ({
    nb: 'Koden kan bare ha små bokstaver a–z, sifre og bindestrek mellom ordene.',
    nn: 'Koden kan berre ha små bokstavar a–z, siffer og bindestrek mellom orda.',
    en: 'The code may only contain lower-case letters a–z, digits and hyphens between words.',
  }),
  codeTaken: (code: string): Message => ({
    nb: `Koden «${code}» er allerede i bruk i denne kommunen. Koder gjenbrukes aldri; velg en annen.`,
    nn: `Koden «${code}» er allereie i bruk i denne kommunen. Kodar blir aldri brukte om att; vel ein annan.`,
    en: `The code "${code}" is already used in this municipality. Codes are never reused; choose another.`,
  }),
  linkCodeTaken: (code: string): Message => ({
    nb: `Lenkekoden «${code}» er allerede i bruk.`,
    nn: `Lenkekoden «${code}» er allereie i bruk.`,
    en: `The link code "${code}" is already in use.`,
  }),
  notInMunicipality: (what: AdminEntity): Message => ({
    nb: `${capitalized(ENTITIES[what].nb)} finnes ikke i denne kommunen.`,
    nn: `${capitalized(ENTITIES[what].nn)} finst ikkje i denne kommunen.`,
    en: `${capitalized(ENTITIES[what].en)} does not exist in this municipality.`,
  }),
  reorderMismatch: (): Message => ({
    nb: 'Listen må inneholde nøyaktig alle kategoriene i én gruppe, hver én gang.',
    nn: 'Lista må innehalde nøyaktig alle kategoriane i éi gruppe, kvar éin gong.',
    en: 'The list must contain exactly the categories of one group, each once.',
  }),
  questionCodeDuplicate: (code: string): Message => ({
    nb: `To spørsmål har samme kode «${code}».`,
    nn: `To spørsmål har same kode «${code}».`,
    en: `Two questions have the same code "${code}".`,
  }),
  questionOptionsRequired: (): Message => ({
    nb: 'Et flervalgsspørsmål må ha minst to svaralternativer med ulike koder.',
    nn: 'Eit fleirvalsspørsmål må ha minst to svaralternativ med ulike kodar.',
    en: 'A choice question needs at least two options with different codes.',
  }),
  questionOptionsNotAllowed: (): Message => ({
    nb: 'Bare valgspørsmål kan ha svaralternativer.',
    nn: 'Berre valspørsmål kan ha svaralternativ.',
    en: 'Only choice questions can have options.',
  }),
  questionRange: (): Message => ({
    nb: 'Minimum og maksimum gjelder bare tallspørsmål, og minimum kan ikke være større enn maksimum.',
    nn: 'Minimum og maksimum gjeld berre talspørsmål, og minimum kan ikkje vere større enn maksimum.',
    en: 'Minimum and maximum apply only to number questions, and the minimum cannot exceed the maximum.',
  }),
  userExists: (): Message => ({
    nb: 'Denne personen har allerede tilgang i kommunen. Endre brukeren i stedet.',
    nn: 'Denne personen har allereie tilgang i kommunen. Endre brukaren i staden.',
    en: 'This person already has access in this municipality. Edit the user instead.',
  }),
  ownAdminRole: (): Message => ({
    nb: 'Du kan ikke fjerne din egen administratorrolle eller deaktivere deg selv. Be en annen administrator om det.',
    nn: 'Du kan ikkje fjerne din eigen administratorrolle eller deaktivere deg sjølv. Be ein annan administrator om det.',
    en: 'You cannot remove your own administrator role or deactivate yourself. Ask another administrator.',
  }),
  accountShared: (): Message => ({
    nb: 'Kontoen brukes også i en annen kommune. Navn, e-postadresse, språk og om den er aktiv kan bare endres av kontoinnehaveren selv (under Min konto) eller av en administrator i hver kommune kontoen hører til. Rollene og teamene i denne kommunen kan du endre.',
    nn: 'Kontoen blir også brukt i ein annan kommune. Namn, e-postadresse, språk og om han er aktiv kan berre endrast av kontoinnehavaren sjølv (under Min konto) eller av ein administrator i kvar kommune kontoen høyrer til. Rollene og teama i denne kommunen kan du endre.',
    en: "The account is also used in another municipality. Its name, email address, language and whether it is active can only be changed by the account's holder (under My account) or by an administrator of every municipality it belongs to. You can change its roles and teams in this municipality.",
  }),
  emailByOperator: (): Message => ({
    nb: 'E-postadressen til en konto kan bare endres av den som drifter Meldepunkt. Er adressen feil for en ny person, trekk tilbake invitasjonen og inviter på nytt.',
    nn: 'E-postadressa til ein konto kan berre endrast av den som driftar Meldepunkt. Er adressa feil for ein ny person, trekk tilbake invitasjonen og inviter på nytt.',
    en: "An account's email address can only be changed by whoever runs Meldepunkt. If a new person's address is wrong, withdraw the invitation and invite them again.",
  }),
  emailTaken: (): Message => ({
    nb: 'Adressen brukes allerede av en annen konto.',
    nn: 'Adressa blir allereie brukt av ein annan konto.',
    en: 'The address is already used by another account.',
  }),
  noPassword: (): Message => ({
    nb: 'Kontoen har ikke noe passord; personen logger inn via kommunens innlogging.',
    nn: 'Kontoen har ikkje noko passord; personen loggar inn via innlogginga til kommunen.',
    en: "The account has no password; the person logs in through the municipality's login.",
  }),
  inactive: (): Message => ({
    nb: 'Kontoen er deaktivert. Aktiver den først.',
    nn: 'Kontoen er deaktivert. Aktiver han først.',
    en: 'The account is deactivated. Activate it first.',
  }),
  resetLinkSent: (): Message => ({
    nb: 'En lenke for å sette nytt passord er sendt til personens e-postadresse. Den virker i én time. (Høyst 3 lenker i timen.)',
    nn: 'Ei lenkje for å setje nytt passord er send til e-postadressa til personen. Ho verkar i éin time. (Høgst 3 lenkjer i timen.)',
    en: "A link to set a new password has been sent to the person's email address. It works for one hour. (At most 3 links an hour.)",
  }),
  rolesRequired: (): Message => ({
    nb: 'En ny bruker må ha minst én rolle.',
    nn: 'Ein ny brukar må ha minst éi rolle.',
    en: 'A new user needs at least one role.',
  }),
  pointIncomplete: (): Message => ({
    nb: 'Oppgi både breddegrad og lengdegrad, eller ingen av dem.',
    nn: 'Oppgi både breiddegrad og lengdegrad, eller ingen av dei.',
    en: 'Give both latitude and longitude, or neither.',
  }),
  pointOutside: (): Message => ({
    nb: 'Punktet ligger ikke i denne kommunen.',
    nn: 'Punktet ligg ikkje i denne kommunen.',
    en: 'The point is not in this municipality.',
  }),
  issuerUrl: (): Message => ({
    nb: 'Utstederen må være en https-adresse (http bare for 127.0.0.1/localhost ved testing).',
    nn: 'Utferdaren må vere ei https-adresse (http berre for 127.0.0.1/localhost ved testing).',
    en: 'The issuer must be an https address (http only for 127.0.0.1/localhost when testing).',
  }),
  issuerNotPublic: (host: string): Message => ({
    nb: `Utstederen ${host} ligger på en lokal eller intern nettverksadresse. Meldepunkt henter bare fra adresser på internett.`,
    nn: `Utferdaren ${host} ligg på ei lokal eller intern nettverksadresse. Meldepunkt hentar berre frå adresser på internett.`,
    en: `The issuer ${host} is on a local or internal network address. Meldepunkt only fetches from addresses on the internet.`,
  }),
  clientSecretRequired: (): Message => ({
    nb: 'Klienthemmeligheten må oppgis første gang innloggingen settes opp.',
    nn: 'Klientløyndomen må oppgjevast første gong innlogginga blir sett opp.',
    en: 'The client secret is required the first time the login is set up.',
  }),
};
