// Messages staff read in the back office when something is refused, in bokmål, nynorsk and English.
import type { Message } from '../shared/errors.ts';

export const staffMessages = {
  notLoggedIn: (): Message => ({
    nb: 'Du er ikke logget inn, eller økten er utløpt. Logg inn på nytt.',
    nn: 'Du er ikkje logga inn, eller økta har gått ut. Logg inn på nytt.',
    en: 'You are not logged in, or your session has expired. Please log in again.',
  }),
  invalidCredentials: (): Message => ({
    nb: 'Feil e-postadresse eller passord.',
    nn: 'Feil e-postadresse eller passord.',
    en: 'Wrong email address or password.',
  }),
  /** The wait in seconds below a minute, else in whole minutes (rounded up). */
  loginThrottled: (seconds: number): Message => {
    const minutes = Math.ceil(seconds / 60);
    const wait = seconds < 60 ? `${seconds} s` : `${minutes} min`;
    return {
      nb: `For mange mislykkede forsøk. Vent ${wait} og prøv igjen, eller be om nytt passord.`,
      nn: `For mange mislukka forsøk. Vent ${wait} og prøv igjen, eller be om nytt passord.`,
      en: `Too many failed attempts. Wait ${wait} and try again, or ask for a new password.`,
    };
  },
  csrfMissing: (): Message => ({
    nb: 'Forespørselen mangler et gyldig sikkerhetstegn (CSRF). Last siden på nytt og prøv igjen.',
    nn: 'Førespurnaden manglar eit gyldig tryggleiksteikn (CSRF). Last sida på nytt og prøv igjen.',
    en: 'The request lacks a valid security token (CSRF). Reload the page and try again.',
  }),
  municipalityMismatch: (): Message => ({
    nb: 'Kommunen står i adressen (URL-en). Send ikke et annet kommunenummer i forespørselen.',
    nn: 'Kommunen står i adressa (URL-en). Send ikkje eit anna kommunenummer i førespurnaden.',
    en: 'The municipality is named in the URL. Do not send another municipality number in the request.',
  }),
  forbidden: (): Message => ({
    nb: 'Du har ikke tilgang til dette i denne kommunen.',
    nn: 'Du har ikkje tilgang til dette i denne kommunen.',
    en: 'You do not have access to this in this municipality.',
  }),
  notFound: (what: string): Message => ({
    nb: `Fant ikke ${what}.`,
    nn: `Fann ikkje ${what}.`,
    en: `Could not find ${what}.`,
  }),
  conflict: (): Message => ({
    nb: 'Saken er endret av noen andre mens du arbeidet. Last inn på nytt; teksten din er tatt vare på.',
    nn: 'Saka er endra av nokon andre medan du arbeidde. Last inn på nytt; teksten din er teken vare på.',
    en: 'Someone else changed the case while you were working. Reload; your text has been kept.',
  }),
  passwordTooShort: (min: number): Message => ({
    nb: `Passordet må ha minst ${min} tegn.`,
    nn: `Passordet må ha minst ${min} teikn.`,
    en: `The password must have at least ${min} characters.`,
  }),
  oidcFailed: (): Message => ({
    nb: 'Innloggingen hos identitetsleverandøren mislyktes. Prøv igjen, eller kontakt IT.',
    nn: 'Innlogginga hos identitetsleverandøren mislukkast. Prøv igjen, eller kontakt IT.',
    en: 'Logging in with the identity provider failed. Try again, or contact IT.',
  }),
  oidcNoAccount: (): Message => ({
    nb: 'Du er ikke registrert som ansatt i Meldepunkt. Be en administrator om å opprette deg.',
    nn: 'Du er ikkje registrert som tilsett i Meldepunkt. Be ein administrator om å opprette deg.',
    en: 'You are not registered as staff in Meldepunkt. Ask an administrator to add you.',
  }),
};
