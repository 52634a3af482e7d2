// English. Keys and parameters as in nb.ts (the source catalog).

import { accountsEn } from './areas/accounts.ts';
import { assetImportEn } from './areas/asset-import.ts';
import { assetsEn } from './areas/assets.ts';
import { casesEn } from './areas/cases.ts';
import { fieldEn } from './areas/field.ts';
import { linksEn } from './areas/links.ts';
import { noticeDeliveryEn } from './areas/notice-delivery.ts';
import { noticesEn } from './areas/notices.ts';
import { officeEn } from './areas/office.ts';
import { sessionsEn } from './areas/sessions.ts';
import { stickersEn } from './areas/stickers.ts';
import { subscribersEn } from './areas/subscribers.ts';
import type { Catalog } from './catalog.ts';

export const en: Catalog = {
  ...accountsEn,
  ...casesEn,
  ...officeEn,
  ...noticesEn,
  ...subscribersEn,
  ...noticeDeliveryEn,
  ...linksEn,
  ...sessionsEn,
  ...stickersEn,
  ...assetImportEn,
  ...assetsEn,
  ...fieldEn,
  'app.name': 'Meldepunkt',
  'app.backOffice': 'Back office',
  'app.skipToMain': 'Skip to main content',
  'app.loading': 'Loading …',
  'app.comingSoon': 'This page is being built.',
  'app.pageTitle': '{page} – Meldepunkt',

  'nav.label': 'Main menu',
  'nav.inbox': 'Inbox',
  'nav.frontDesk': 'Front desk',
  'nav.dashboard': 'Dashboard',
  'nav.admin': 'Administration',
  'nav.outbox': 'Outbox',

  'header.municipality': 'Municipality',
  'header.switch': 'Switch',
  'header.signedInAs': 'Logged in as {email}',
  'header.language': 'Language',
  'header.userMenu': 'User menu for {name}',
  'header.logout': 'Log out',
  'header.logoutEverywhere': 'Log out everywhere',
  'header.logoutEverywhereHint': 'Logs you out on every device where you are logged in.',

  'language.nb': 'Bokmål',
  'language.nn': 'Nynorsk',
  'language.en': 'English',

  'login.title': 'Log in',
  'login.intro': "Log in to handle residents' reports.",
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.sending': 'Logging in …',
  'login.emailRequired': 'Enter your email address.',
  'login.passwordRequired': 'Enter your password.',
  'login.keepDevice': 'Keep me logged in on this device',
  'login.keepDeviceHint':
    'For 30 days unused, so the field app works offline. The session is listed under your account, where you or an administrator can end it.',
  'login.otherOptions': 'Other ways to log in',
  'login.withProvider': 'Log in with {name}',
  'login.oidcFailed':
    'Logging in through your municipality failed. Try again, or log in with email and password.',
  'login.oidcRateLimited': 'Too many login attempts from here in a short time. Wait a minute and try again.',
  'login.oidcNoAccount':
    'You logged in with your municipality, but no user in Meldepunkt is linked to that login. If you have an account, log in with email and password and link it under My account. Otherwise an administrator can invite you.',
  'login.sessionCheckFailed': 'We could not check whether you are already logged in: {message}',

  'errors.summaryTitle': 'Something went wrong',
  'errors.formTitle': 'Fix the following before you go on:',
  'errors.network': 'Could not reach the server. Check your connection and try again.',
  'errors.unexpected': 'The server gave an unexpected answer (status {status}). Try again shortly.',
  'errors.notFoundTitle': 'Page not found',
  'errors.notFound': 'This address does not exist in the back office.',
  'errors.noAccessTitle': 'No access',
  'errors.noAccess': 'You do not have access to this municipality or page.',
  'errors.noMemberships': 'Your user is not linked to any municipality yet. Contact an administrator.',
  'errors.backToStart': 'Back to the start',

  'inbox.title': 'Inbox',
  'inbox.chooseReport': 'Choose a report in the list to see it.',
  'case.title': 'Report {id}',
  'frontDesk.title': 'Front desk',
  'dashboard.title': 'Dashboard',
  'admin.title': 'Administration',
  'admin.sections': 'Administration',
  'admin.settings': 'Settings',
  'admin.categories': 'Categories',
  'admin.teams': 'Teams',
  'admin.users': 'Users',
  'admin.templates': 'Templates',
  'admin.links': 'QR links',
  'outbox.title': 'Outbox',

  'status.mottatt': 'Received',
  'status.under_behandling': 'Being handled',
  'status.planlagt': 'Repair scheduled',
  'status.utfort': 'Work done',
  'status.duplikat': 'Duplicate',
  'status.privat_ansvar': 'Private responsibility',
  'status.videresendt': 'Forwarded',
  'status.avvist': 'Rejected',
  'status.lukket': 'Closed',

  'count.reports': { one: '{count} report', other: '{count} reports' },
  'time.justNow': 'just now',
  'time.week': 'week {week}, {year}',
  'time.ago.minute': { one: '{count} minute ago', other: '{count} minutes ago' },
  'time.ago.hour': { one: '{count} hour ago', other: '{count} hours ago' },
  'time.ago.day': { one: '{count} day ago', other: '{count} days ago' },
  'time.ago.week': { one: '{count} week ago', other: '{count} weeks ago' },
  'time.ago.month': { one: '{count} month ago', other: '{count} months ago' },
  'time.ago.year': { one: '{count} year ago', other: '{count} years ago' },
  'time.in.minute': { one: 'in {count} minute', other: 'in {count} minutes' },
  'time.in.hour': { one: 'in {count} hour', other: 'in {count} hours' },
  'time.in.day': { one: 'in {count} day', other: 'in {count} days' },
  'time.in.week': { one: 'in {count} week', other: 'in {count} weeks' },
  'time.in.month': { one: 'in {count} month', other: 'in {count} months' },
  'time.in.year': { one: 'in {count} year', other: 'in {count} years' },
};
