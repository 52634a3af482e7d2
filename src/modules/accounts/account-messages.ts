// Texts about one's own account ("My account"): its errors and answers, in bokmål, nynorsk and
// English.
import type { Message } from '../../shared/errors.ts';

export const accountMessages = {
  deviceNameBlank: (): Message => ({
    nb: 'Gi enheten et navn, for eksempel «Servicebil 3».',
    nn: 'Gi eininga eit namn, til dømes «Servicebil 3».',
    en: 'Give the device a name, for example "Service van 3".',
  }),
  sessionNotFound: (): Message => ({
    nb: 'Fant ikke økten. Den kan alt være avsluttet eller utløpt.',
    nn: 'Fann ikkje økta. Ho kan alt vere avslutta eller gått ut.',
    en: 'Could not find the session. It may already have ended or expired.',
  }),
  sessionScoped: (): Message => ({
    nb: 'Du er logget inn via én kommunes innlogging, som bare gjelder den kommunen. Logg inn med e-post og passord for å endre kontoen din.',
    nn: 'Du er logga inn via innlogginga til éin kommune, som berre gjeld den kommunen. Logg inn med e-post og passord for å endre kontoen din.',
    en: "You logged in through one municipality's login, which only counts for that municipality. Log in with email and password to change your account.",
  }),
  passwordSessionRequired: (): Message => ({
    nb: 'Logg inn med e-post og passord for å koble kontoen til en kommunes innlogging eller fjerne koblingen.',
    nn: 'Logg inn med e-post og passord for å kople kontoen til innlogginga til ein kommune eller fjerne koplinga.',
    en: "Log in with email and password to link your account to a municipality's login or to remove the link.",
  }),
  alreadyLinked: (): Message => ({
    nb: 'Kontoen er allerede koblet til en innlogging. Fjern koblingen først.',
    nn: 'Kontoen er allereie kopla til ei innlogging. Fjern koplinga først.',
    en: 'Your account is already linked to a login. Remove the link first.',
  }),
  notLinked: (): Message => ({
    nb: 'Kontoen er ikke koblet til noen kommunes innlogging.',
    nn: 'Kontoen er ikkje kopla til innlogginga til nokon kommune.',
    en: "Your account is not linked to any municipality's login.",
  }),
  notMember: (): Message => ({
    nb: 'Du kan bare koble kontoen til innloggingen til en kommune du arbeider for.',
    nn: 'Du kan berre kople kontoen til innlogginga til ein kommune du arbeider for.',
    en: 'You can only link your account to the login of a municipality you work for.',
  }),
  wrongCurrentPassword: (): Message => ({
    nb: 'Det nåværende passordet er feil.',
    nn: 'Det noverande passordet er feil.',
    en: 'The current password is wrong.',
  }),
  noPassword: (): Message => ({
    nb: 'Kontoen din har ikke noe passord; du logger inn via kommunens innlogging.',
    nn: 'Kontoen din har ikkje noko passord; du loggar inn via innlogginga til kommunen.',
    en: "Your account has no password; you log in through your municipality's login.",
  }),
  passwordChanged: (): Message => ({
    nb: 'Passordet er endret. Du er logget ut på alle andre enheter.',
    nn: 'Passordet er endra. Du er logga ut på alle andre einingar.',
    en: 'Your password has been changed. You have been logged out on every other device.',
  }),
};
