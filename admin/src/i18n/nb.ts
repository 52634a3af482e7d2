// Bokmål, the source catalog: nn.ts and en.ts must have exactly these keys (a missing or extra
// key is a type error). `{name}` is filled in by t(); plural entries go through plural().
// Status labels are the words the residents' pages use (src/modules/reports/statuses.ts).

import { accountsNb } from './areas/accounts.ts';
import { assetImportNb } from './areas/asset-import.ts';
import { assetsNb } from './areas/assets.ts';
import { casesNb } from './areas/cases.ts';
import { fieldNb } from './areas/field.ts';
import { linksNb } from './areas/links.ts';
import { noticeDeliveryNb } from './areas/notice-delivery.ts';
import { noticesNb } from './areas/notices.ts';
import { officeNb } from './areas/office.ts';
import { sessionsNb } from './areas/sessions.ts';
import { stickersNb } from './areas/stickers.ts';
import { subscribersNb } from './areas/subscribers.ts';

export const nb = {
  ...accountsNb,
  ...casesNb,
  ...officeNb,
  ...noticesNb,
  ...subscribersNb,
  ...noticeDeliveryNb,
  ...linksNb,
  ...sessionsNb,
  ...stickersNb,
  ...assetImportNb,
  ...assetsNb,
  ...fieldNb,
  'app.name': 'Meldepunkt',
  'app.backOffice': 'Saksbehandling',
  'app.skipToMain': 'Hopp til hovedinnholdet',
  'app.loading': 'Laster …',
  'app.comingSoon': 'Denne siden er under arbeid.',
  'app.pageTitle': '{page} – Meldepunkt',

  'nav.label': 'Hovedmeny',
  'nav.inbox': 'Innboks',
  'nav.frontDesk': 'Servicekontor',
  'nav.dashboard': 'Dashboard',
  'nav.admin': 'Administrasjon',
  'nav.outbox': 'Utboks',

  'header.municipality': 'Kommune',
  'header.switch': 'Bytt',
  'header.signedInAs': 'Innlogget som {email}',
  'header.language': 'Språk',
  'header.userMenu': 'Brukermeny for {name}',
  'header.logout': 'Logg ut',
  'header.logoutEverywhere': 'Logg ut overalt',
  'header.logoutEverywhereHint': 'Logger ut på alle enheter der du er innlogget.',

  'language.nb': 'Bokmål',
  'language.nn': 'Nynorsk',
  'language.en': 'English',

  'login.title': 'Logg inn',
  'login.intro': 'Logg inn for å behandle meldinger fra innbyggerne.',
  'login.email': 'E-post',
  'login.password': 'Passord',
  'login.submit': 'Logg inn',
  'login.sending': 'Logger inn …',
  'login.emailRequired': 'Skriv e-postadressen din.',
  'login.passwordRequired': 'Skriv passordet ditt.',
  'login.keepDevice': 'Hold meg innlogget på denne enheten',
  'login.keepDeviceHint':
    'I 30 dager uten bruk, så feltappen virker uten nett. Sesjonen vises under kontoen din og kan avsluttes der eller av en administrator.',
  'login.otherOptions': 'Andre måter å logge inn på',
  'login.withProvider': 'Logg inn med {name}',
  'login.oidcFailed':
    'Innloggingen via kommunen din mislyktes. Prøv igjen, eller logg inn med e-post og passord.',
  'login.oidcRateLimited': 'For mange innloggingsforsøk herfra på kort tid. Vent et minutt og prøv igjen.',
  'login.oidcNoAccount':
    'Du logget inn hos kommunen, men ingen bruker i Meldepunkt er koblet til den innloggingen. Har du en konto, logg inn med e-post og passord og koble den til under Min konto. Ellers kan en administrator invitere deg.',
  'login.sessionCheckFailed': 'Vi fikk ikke sjekket om du allerede er innlogget: {message}',

  'errors.summaryTitle': 'Noe gikk galt',
  'errors.formTitle': 'Rett opp dette før du går videre:',
  'errors.network': 'Fikk ikke kontakt med serveren. Sjekk nettforbindelsen og prøv igjen.',
  'errors.unexpected': 'Serveren svarte uventet (status {status}). Prøv igjen om litt.',
  'errors.notFoundTitle': 'Fant ikke siden',
  'errors.notFound': 'Denne adressen finnes ikke i saksbehandlingen.',
  'errors.noAccessTitle': 'Ingen tilgang',
  'errors.noAccess': 'Du har ikke tilgang til denne kommunen eller siden.',
  'errors.noMemberships':
    'Brukeren din er ikke knyttet til noen kommune ennå. Ta kontakt med en administrator.',
  'errors.backToStart': 'Til forsiden',

  'inbox.title': 'Innboks',
  'inbox.chooseReport': 'Velg en melding i listen for å se den.',
  'case.title': 'Melding {id}',
  'frontDesk.title': 'Servicekontor',
  'dashboard.title': 'Dashboard',
  'admin.title': 'Administrasjon',
  'admin.sections': 'Administrasjon',
  'admin.settings': 'Innstillinger',
  'admin.categories': 'Kategorier',
  'admin.teams': 'Team',
  'admin.users': 'Brukere',
  'admin.templates': 'Maler',
  'admin.links': 'QR-lenker',
  'outbox.title': 'Utboks',

  'status.mottatt': 'Mottatt',
  'status.under_behandling': 'Under behandling',
  'status.planlagt': 'Utbedring planlagt',
  'status.utfort': 'Arbeid utført',
  'status.duplikat': 'Duplikat',
  'status.privat_ansvar': 'Privat ansvar',
  'status.videresendt': 'Videresendt',
  'status.avvist': 'Avvist',
  'status.lukket': 'Lukket',

  'count.reports': { one: '{count} melding', other: '{count} meldinger' },
  'time.justNow': 'akkurat nå',
  'time.week': 'uke {week}, {year}',
  'time.ago.minute': { one: 'for {count} minutt siden', other: 'for {count} minutter siden' },
  'time.ago.hour': { one: 'for {count} time siden', other: 'for {count} timer siden' },
  'time.ago.day': { one: 'for {count} dag siden', other: 'for {count} dager siden' },
  'time.ago.week': { one: 'for {count} uke siden', other: 'for {count} uker siden' },
  'time.ago.month': { one: 'for {count} måned siden', other: 'for {count} måneder siden' },
  'time.ago.year': { one: 'for {count} år siden', other: 'for {count} år siden' },
  'time.in.minute': { one: 'om {count} minutt', other: 'om {count} minutter' },
  'time.in.hour': { one: 'om {count} time', other: 'om {count} timer' },
  'time.in.day': { one: 'om {count} dag', other: 'om {count} dager' },
  'time.in.week': { one: 'om {count} uke', other: 'om {count} uker' },
  'time.in.month': { one: 'om {count} måned', other: 'om {count} måneder' },
  'time.in.year': { one: 'om {count} år', other: 'om {count} år' },
};
