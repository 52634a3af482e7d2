// Nynorsk. Keys and parameters as in nb.ts (the source catalog).

import { accountsNn } from './areas/accounts.ts';
import { assetImportNn } from './areas/asset-import.ts';
import { assetsNn } from './areas/assets.ts';
import { casesNn } from './areas/cases.ts';
import { fieldNn } from './areas/field.ts';
import { linksNn } from './areas/links.ts';
import { noticeDeliveryNn } from './areas/notice-delivery.ts';
import { noticesNn } from './areas/notices.ts';
import { officeNn } from './areas/office.ts';
import { sessionsNn } from './areas/sessions.ts';
import { stickersNn } from './areas/stickers.ts';
import { subscribersNn } from './areas/subscribers.ts';
import type { Catalog } from './catalog.ts';

export const nn: Catalog = {
  ...accountsNn,
  ...casesNn,
  ...officeNn,
  ...noticesNn,
  ...subscribersNn,
  ...noticeDeliveryNn,
  ...linksNn,
  ...sessionsNn,
  ...stickersNn,
  ...assetImportNn,
  ...assetsNn,
  ...fieldNn,
  'app.name': 'Meldepunkt',
  'app.backOffice': 'Sakshandsaming',
  'app.skipToMain': 'Hopp til hovudinnhaldet',
  'app.loading': 'Lastar …',
  'app.comingSoon': 'Denne sida er under arbeid.',
  'app.pageTitle': '{page} – Meldepunkt',

  'nav.label': 'Hovudmeny',
  'nav.inbox': 'Innboks',
  'nav.frontDesk': 'Servicekontor',
  'nav.dashboard': 'Dashbord',
  'nav.admin': 'Administrasjon',
  'nav.outbox': 'Utboks',

  'header.municipality': 'Kommune',
  'header.switch': 'Byt',
  'header.signedInAs': 'Innlogga som {email}',
  'header.language': 'Språk',
  'header.userMenu': 'Brukarmeny for {name}',
  'header.logout': 'Logg ut',
  'header.logoutEverywhere': 'Logg ut overalt',
  'header.logoutEverywhereHint': 'Loggar ut på alle einingar der du er innlogga.',

  'language.nb': 'Bokmål',
  'language.nn': 'Nynorsk',
  'language.en': 'English',

  'login.title': 'Logg inn',
  'login.intro': 'Logg inn for å handsame meldingar frå innbyggjarane.',
  'login.email': 'E-post',
  'login.password': 'Passord',
  'login.submit': 'Logg inn',
  'login.sending': 'Loggar inn …',
  'login.emailRequired': 'Skriv e-postadressa di.',
  'login.passwordRequired': 'Skriv passordet ditt.',
  'login.keepDevice': 'Hald meg innlogga på denne eininga',
  'login.keepDeviceHint':
    'I 30 dagar utan bruk, så feltappen verkar utan nett. Økta blir vist under kontoen din og kan avsluttast der eller av ein administrator.',
  'login.otherOptions': 'Andre måtar å logge inn på',
  'login.withProvider': 'Logg inn med {name}',
  'login.oidcFailed':
    'Innlogginga via kommunen din mislukkast. Prøv igjen, eller logg inn med e-post og passord.',
  'login.oidcRateLimited': 'For mange innloggingsforsøk herifrå på kort tid. Vent eit minutt og prøv igjen.',
  'login.oidcNoAccount':
    'Du logga inn hos kommunen, men ingen brukar i Meldepunkt er kopla til den innlogginga. Har du ein konto, logg inn med e-post og passord og kople han til under Min konto. Elles kan ein administrator invitere deg.',
  'login.sessionCheckFailed': 'Vi fekk ikkje sjekka om du alt er innlogga: {message}',

  'errors.summaryTitle': 'Noko gjekk gale',
  'errors.formTitle': 'Rett opp dette før du går vidare:',
  'errors.network': 'Fekk ikkje kontakt med tenaren. Sjekk nettsambandet og prøv igjen.',
  'errors.unexpected': 'Tenaren svarte uventa (status {status}). Prøv igjen om litt.',
  'errors.notFoundTitle': 'Fann ikkje sida',
  'errors.notFound': 'Denne adressa finst ikkje i sakshandsaminga.',
  'errors.noAccessTitle': 'Inga tilgang',
  'errors.noAccess': 'Du har ikkje tilgang til denne kommunen eller sida.',
  'errors.noMemberships':
    'Brukaren din er ikkje knytt til nokon kommune enno. Ta kontakt med ein administrator.',
  'errors.backToStart': 'Til framsida',

  'inbox.title': 'Innboks',
  'inbox.chooseReport': 'Vel ei melding i lista for å sjå ho.',
  'case.title': 'Melding {id}',
  'frontDesk.title': 'Servicekontor',
  'dashboard.title': 'Dashbord',
  'admin.title': 'Administrasjon',
  'admin.sections': 'Administrasjon',
  'admin.settings': 'Innstillingar',
  'admin.categories': 'Kategoriar',
  'admin.teams': 'Team',
  'admin.users': 'Brukarar',
  'admin.templates': 'Malar',
  'admin.links': 'QR-lenker',
  'outbox.title': 'Utboks',

  'status.mottatt': 'Motteken',
  'status.under_behandling': 'Under handsaming',
  'status.planlagt': 'Utbetring planlagd',
  'status.utfort': 'Arbeid utført',
  'status.duplikat': 'Duplikat',
  'status.privat_ansvar': 'Privat ansvar',
  'status.videresendt': 'Vidaresendt',
  'status.avvist': 'Avvist',
  'status.lukket': 'Lukka',

  'count.reports': { one: '{count} melding', other: '{count} meldingar' },
  'time.justNow': 'akkurat no',
  'time.week': 'veke {week}, {year}',
  'time.ago.minute': { one: 'for {count} minutt sidan', other: 'for {count} minutt sidan' },
  'time.ago.hour': { one: 'for {count} time sidan', other: 'for {count} timar sidan' },
  'time.ago.day': { one: 'for {count} dag sidan', other: 'for {count} dagar sidan' },
  'time.ago.week': { one: 'for {count} veke sidan', other: 'for {count} veker sidan' },
  'time.ago.month': { one: 'for {count} månad sidan', other: 'for {count} månader sidan' },
  'time.ago.year': { one: 'for {count} år sidan', other: 'for {count} år sidan' },
  'time.in.minute': { one: 'om {count} minutt', other: 'om {count} minutt' },
  'time.in.hour': { one: 'om {count} time', other: 'om {count} timar' },
  'time.in.day': { one: 'om {count} dag', other: 'om {count} dagar' },
  'time.in.week': { one: 'om {count} veke', other: 'om {count} veker' },
  'time.in.month': { one: 'om {count} månad', other: 'om {count} månader' },
  'time.in.year': { one: 'om {count} år', other: 'om {count} år' },
};
