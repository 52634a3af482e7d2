// Texts of the password reset: the answer to a request (the same whether or not the account
// exists), its errors, and the email, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';

export const passwordResetMessages = {
  requested: (): Message => ({
    nb: 'Hvis adressen hører til en konto med passord, får den en e-post med en lenke for å sette nytt passord. Lenken virker i én time.',
    nn: 'Om adressa høyrer til ein konto med passord, får ho ein e-post med ei lenkje for å setje nytt passord. Lenkja verkar i éin time.',
    en: 'If the address belongs to an account with a password, it will get an email with a link to set a new password. The link works for one hour.',
  }),
  tokenInvalid: (): Message => ({
    nb: 'Lenken for å sette nytt passord er ugyldig, allerede brukt eller utløpt (den virker i én time). Be om en ny lenke.',
    nn: 'Lenkja for å setje nytt passord er ugyldig, allereie brukt eller utgått (ho verkar i éin time). Be om ei ny lenkje.',
    en: 'The link to set a new password is invalid, already used or expired (it works for one hour). Ask for a new link.',
  }),
  passwordChanged: (): Message => ({
    nb: 'Passordet er endret. Du er logget ut overalt; logg inn med det nye passordet.',
    nn: 'Passordet er endra. Du er logga ut overalt; logg inn med det nye passordet.',
    en: 'Your password has been changed. You have been logged out everywhere; log in with the new password.',
  }),
};

export const PASSWORD_RESET_EMAIL: Record<
  Language,
  { subject: string; body: (name: string, link: string) => string[]; footer: string }
> = {
  nb: {
    subject: 'Sett nytt passord for Meldepunkt',
    body: (name, link) => [
      `Hei ${name},`,
      'Noen (forhåpentlig du) ba om å sette nytt passord for kontoen din i saksbehandlingen. Lenken virker i én time og kan brukes én gang:',
      link,
      'Ba du ikke om dette, kan du se bort fra e-posten. Passordet ditt er ikke endret.',
    ],
    footer: 'Denne e-posten er sendt automatisk fra Meldepunkt.',
  },
  nn: {
    subject: 'Set nytt passord for Meldepunkt',
    body: (name, link) => [
      `Hei ${name},`,
      'Nokon (forhåpentleg du) bad om å setje nytt passord for kontoen din i saksbehandlinga. Lenkja verkar i éin time og kan brukast éin gong:',
      link,
      'Bad du ikkje om dette, kan du sjå bort frå e-posten. Passordet ditt er ikkje endra.',
    ],
    footer: 'Denne e-posten er send automatisk frå Meldepunkt.',
  },
  en: {
    subject: 'Set a new password for Meldepunkt',
    body: (name, link) => [
      `Hello ${name},`,
      'Someone (hopefully you) asked to set a new password for your back-office account. The link works for one hour and only once:',
      link,
      'If you did not ask for this, you can ignore this email. Your password has not been changed.',
    ],
    footer: 'This email was sent automatically by Meldepunkt.',
  },
};
