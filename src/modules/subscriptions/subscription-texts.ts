// Every text of subscribing to notices, in bokmål, nynorsk and English: the residents' pages, the
// confirmation messages, the stop page's answer, and the import's reasons for refusing a line.
// Kept in the module (not in i18n/web.ts) so the module's wording is in one place.
import type { Message } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';
import type { Template } from '../notifications/default-templates.ts';

export interface SubscribeText {
  link: string;
  title: string;
  intro: string;
  address: string;
  addressHint: string;
  mapLegend: string;
  mapHint: string;
  mapLabel: string;
  useCentre: string;
  usePosition: string;
  pointChosen: string;
  positionFailed: string;
  pointOutside: string;
  email: string;
  emailHint: string;
  phone: string;
  phoneHint: string;
  language: string;
  submit: string;
  errorSummary: string;
  needContact: string;
  needPlace: string;
  addressNotFound: string;
  emailInvalid: string;
  phoneInvalid: string;
  checkTitle: string;
  forPlace: (place: string) => string;
  checkEmail: (masked: string) => string;
  checkSms: (masked: string) => string;
  code: string;
  codeHint: string;
  confirmCode: string;
  codeWrong: (left: number) => string;
  codeMalformed: string;
  codeExpired: string;
  linkTitle: string;
  linkQuestion: string;
  linkButton: string;
  confirmedTitle: string;
  confirmed: (channel: string, place: string) => string;
  byEmail: string;
  bySms: string;
  thePlace: string;
  back: string;
  privacy: string;
}

export const SUBSCRIBE_TEXT: Record<Language, SubscribeText> = {
  nb: {
    link: 'Få varsel på SMS/e-post',
    title: 'Få driftsmeldinger på SMS eller e-post',
    intro:
      'Skriv adressen du vil ha varsel for, og e-postadressen og/eller mobilnummeret ditt. Du får en bekreftelse først; ingen varsler sendes før du har bekreftet.',
    address: 'Adresse',
    addressHint: 'For eksempel «Storgata 12». Adressen må ligge i kommunen.',
    mapLegend: 'Eller velg et punkt i kartet',
    mapHint:
      'Klikk eller trykk der du vil ha varsel for. Med tastaturet: flytt kartet med piltastene og velg midten. En adresse over går foran punktet.',
    mapLabel: 'Kart for å velge et punkt',
    useCentre: 'Velg midten av kartet',
    usePosition: 'Bruk min posisjon',
    pointChosen: 'Punkt valgt i kartet.',
    positionFailed: 'Fant ikke posisjonen din. Velg i kartet eller skriv adressen.',
    pointOutside: 'Punktet ligger ikke i kommunen. Velg et punkt i kommunen.',
    email: 'E-post',
    emailHint: 'Du får en lenke å bekrefte med.',
    phone: 'Mobilnummer',
    phoneHint: 'Norsk mobilnummer, 8 siffer. Du får en kode på SMS.',
    language: 'Språk i varslene',
    submit: 'Abonner',
    errorSummary: 'Noe må rettes',
    needContact: 'Skriv e-postadresse eller mobilnummer (eller begge).',
    needPlace: 'Skriv adressen du vil ha varsel for, eller velg et punkt i kartet.',
    addressNotFound: 'Fant ikke adressen i kommunen. Sjekk skrivemåten.',
    emailInvalid: 'E-postadressen ser ikke riktig ut.',
    phoneInvalid: 'Mobilnummeret ser ikke riktig ut. Skriv 8 siffer.',
    checkTitle: 'Bekreft abonnementet',
    forPlace: (place) => `Abonnementet gjelder ${place}.`,
    checkEmail: (masked) => `Vi har sendt en e-post til ${masked}. Åpne lenken i den for å bekrefte.`,
    checkSms: (masked) => `Vi har sendt en kode på SMS til ${masked}. Skriv den her.`,
    code: 'Kode fra SMS',
    codeHint: '6 siffer. Koden virker i 24 timer.',
    confirmCode: 'Bekreft',
    codeWrong: (left) => `Koden stemmer ikke. Du har ${left} forsøk igjen.`,
    codeMalformed: 'Koden er 6 siffer.',
    codeExpired: 'Koden er for gammel eller prøvd for mange ganger. Abonner på nytt for å få en ny kode.',
    linkTitle: 'Bekreft e-postadressen',
    linkQuestion: 'Trykk på knappen for å bekrefte at du vil ha driftsmeldinger på e-post.',
    linkButton: 'Bekreft',
    confirmedTitle: 'Abonnementet er bekreftet',
    confirmed: (channel, place) => `Du får nå driftsmeldinger ${channel} for ${place}.`,
    byEmail: 'på e-post',
    bySms: 'på SMS',
    thePlace: 'stedet du valgte',
    back: 'Tilbake til driftsmeldingene',
    privacy:
      'Vi bruker adressen og kontaktopplysningene bare til å sende deg driftsmeldinger. Hver melding har en lenke du kan stoppe varslene med.',
  },
  nn: {
    link: 'Få varsel på SMS/e-post',
    title: 'Få driftsmeldingar på SMS eller e-post',
    intro:
      'Skriv adressa du vil ha varsel for, og e-postadressa og/eller mobilnummeret ditt. Du får ei stadfesting først; ingen varsel blir sende før du har stadfesta.',
    address: 'Adresse',
    addressHint: 'Til dømes «Storgata 12». Adressa må liggje i kommunen.',
    mapLegend: 'Eller vel eit punkt i kartet',
    mapHint:
      'Klikk eller trykk der du vil ha varsel for. Med tastaturet: flytt kartet med piltastane og vel midten. Ei adresse over går føre punktet.',
    mapLabel: 'Kart for å velje eit punkt',
    useCentre: 'Vel midten av kartet',
    usePosition: 'Bruk posisjonen min',
    pointChosen: 'Punkt valt i kartet.',
    positionFailed: 'Fann ikkje posisjonen din. Vel i kartet eller skriv adressa.',
    pointOutside: 'Punktet ligg ikkje i kommunen. Vel eit punkt i kommunen.',
    email: 'E-post',
    emailHint: 'Du får ei lenkje å stadfeste med.',
    phone: 'Mobilnummer',
    phoneHint: 'Norsk mobilnummer, 8 siffer. Du får ein kode på SMS.',
    language: 'Språk i varsla',
    submit: 'Abonner',
    errorSummary: 'Noko må rettast',
    needContact: 'Skriv e-postadresse eller mobilnummer (eller begge).',
    needPlace: 'Skriv adressa du vil ha varsel for, eller vel eit punkt i kartet.',
    addressNotFound: 'Fann ikkje adressa i kommunen. Sjekk skrivemåten.',
    emailInvalid: 'E-postadressa ser ikkje rett ut.',
    phoneInvalid: 'Mobilnummeret ser ikkje rett ut. Skriv 8 siffer.',
    checkTitle: 'Stadfest abonnementet',
    forPlace: (place) => `Abonnementet gjeld ${place}.`,
    checkEmail: (masked) => `Vi har sendt ein e-post til ${masked}. Opne lenkja i han for å stadfeste.`,
    checkSms: (masked) => `Vi har sendt ein kode på SMS til ${masked}. Skriv han her.`,
    code: 'Kode frå SMS',
    codeHint: '6 siffer. Koden verkar i 24 timar.',
    confirmCode: 'Stadfest',
    codeWrong: (left) => `Koden stemmer ikkje. Du har ${left} forsøk att.`,
    codeMalformed: 'Koden er 6 siffer.',
    codeExpired: 'Koden er for gammal eller prøvd for mange gonger. Abonner på nytt for å få ein ny kode.',
    linkTitle: 'Stadfest e-postadressa',
    linkQuestion: 'Trykk på knappen for å stadfeste at du vil ha driftsmeldingar på e-post.',
    linkButton: 'Stadfest',
    confirmedTitle: 'Abonnementet er stadfesta',
    confirmed: (channel, place) => `Du får no driftsmeldingar ${channel} for ${place}.`,
    byEmail: 'på e-post',
    bySms: 'på SMS',
    thePlace: 'staden du valde',
    back: 'Tilbake til driftsmeldingane',
    privacy:
      'Vi brukar adressa og kontaktopplysningane berre til å sende deg driftsmeldingar. Kvar melding har ei lenkje du kan stoppe varsla med.',
  },
  en: {
    link: 'Get alerts by SMS/email',
    title: 'Get service notices by SMS or email',
    intro:
      'Enter the address you want alerts for, and your email address and/or mobile number. You confirm first; no alerts are sent before you have confirmed.',
    address: 'Address',
    addressHint: 'For example "Storgata 12". The address must be in the municipality.',
    mapLegend: 'Or choose a point on the map',
    mapHint:
      'Click or tap where you want alerts for. With the keyboard: move the map with the arrow keys and choose its centre. An address above takes precedence over the point.',
    mapLabel: 'Map to choose a point',
    useCentre: 'Choose the centre of the map',
    usePosition: 'Use my position',
    pointChosen: 'Point chosen on the map.',
    positionFailed: 'Your position was not found. Choose on the map or enter the address.',
    pointOutside: 'The point is not in the municipality. Choose a point in the municipality.',
    email: 'Email',
    emailHint: 'You get a link to confirm with.',
    phone: 'Mobile number',
    phoneHint: 'Norwegian mobile number, 8 digits. You get a code by SMS.',
    language: 'Language of the alerts',
    submit: 'Subscribe',
    errorSummary: 'Something needs fixing',
    needContact: 'Enter an email address or a mobile number (or both).',
    needPlace: 'Enter the address you want alerts for, or choose a point on the map.',
    addressNotFound: 'The address was not found in the municipality. Check the spelling.',
    emailInvalid: 'The email address does not look right.',
    phoneInvalid: 'The mobile number does not look right. Enter 8 digits.',
    checkTitle: 'Confirm your subscription',
    forPlace: (place) => `The subscription is for ${place}.`,
    checkEmail: (masked) => `We have sent an email to ${masked}. Open the link in it to confirm.`,
    checkSms: (masked) => `We have sent a code by SMS to ${masked}. Enter it here.`,
    code: 'Code from the SMS',
    codeHint: '6 digits. The code works for 24 hours.',
    confirmCode: 'Confirm',
    codeWrong: (left) => `The code is not right. You have ${left} tries left.`,
    codeMalformed: 'The code is 6 digits.',
    codeExpired: 'The code is too old or was tried too many times. Subscribe again to get a new code.',
    linkTitle: 'Confirm your email address',
    linkQuestion: 'Press the button to confirm that you want service notices by email.',
    linkButton: 'Confirm',
    confirmedTitle: 'Your subscription is confirmed',
    confirmed: (channel, place) => `You will now get service notices ${channel} for ${place}.`,
    byEmail: 'by email',
    bySms: 'by SMS',
    thePlace: 'the place you chose',
    back: 'Back to the service notices',
    privacy:
      'We use the address and contact details only to send you service notices. Every message has a link that stops them.',
  },
};

/** The stop page's answer for a subscriber's message. */
export const SUBSCRIBER_STOP_TEXT: Record<Language, { question: string; button: string; done: string }> = {
  nb: {
    question: 'Vil du slutte å få driftsmeldinger for dette stedet?',
    button: 'Stopp varslene',
    done: 'Du får ikke lenger driftsmeldinger for dette stedet. Kontaktopplysningene dine er slettet.',
  },
  nn: {
    question: 'Vil du slutte å få driftsmeldingar for denne staden?',
    button: 'Stopp varsla',
    done: 'Du får ikkje lenger driftsmeldingar for denne staden. Kontaktopplysningane dine er sletta.',
  },
  en: {
    question: 'Do you want to stop getting service notices for this place?',
    button: 'Stop the alerts',
    done: 'You will no longer get notices for this place. Your contact details have been deleted.',
  },
};

/** The confirmation messages: {confirmLink} (email) or {code} (SMS); {message} is the place. */
export const CONFIRM_TEMPLATES: Record<Language, Record<'email' | 'sms', Template>> = {
  nb: {
    email: {
      subject: 'Bekreft driftsmeldinger fra {municipality}',
      body: 'Noen (forhåpentligvis du) vil ha driftsmeldinger fra {municipality} på e-post for {message}.\n\nBekreft her: {confirmLink}\n\nLenken virker i 24 timer. Har du ikke bedt om dette, kan du se bort fra e-posten.',
    },
    sms: { subject: null, body: '{municipality}: Koden for driftsmeldinger på SMS er {code}' },
  },
  nn: {
    email: {
      subject: 'Stadfest driftsmeldingar frå {municipality}',
      body: 'Nokon (forhåpentlegvis du) vil ha driftsmeldingar frå {municipality} på e-post for {message}.\n\nStadfest her: {confirmLink}\n\nLenkja verkar i 24 timar. Har du ikkje bede om dette, kan du sjå bort frå e-posten.',
    },
    sms: { subject: null, body: '{municipality}: Koden for driftsmeldingar på SMS er {code}' },
  },
  en: {
    email: {
      subject: 'Confirm service notices from {municipality}',
      body: 'Someone (hopefully you) wants service notices from {municipality} by email for {message}.\n\nConfirm here: {confirmLink}\n\nThe link works for 24 hours. If you did not ask for this, ignore this email.',
    },
    sms: { subject: null, body: '{municipality}: Your code for service notices by SMS is {code}' },
  },
};

function each(make: (lang: Language) => string): Message {
  return { nb: make('nb'), nn: make('nn'), en: make('en') };
}

export const subscriptionMessages = {
  linkInvalid: (): Message => ({
    nb: 'Lenken er ikke gyldig. Den kan være brukt opp eller stoppet.',
    nn: 'Lenkja er ikkje gyldig. Ho kan vere brukt opp eller stoppa.',
    en: 'The link is not valid. It may have been stopped.',
  }),
  linkExpired: (): Message => ({
    nb: 'Lenken er over et døgn gammel. Abonner på nytt for å få en ny.',
    nn: 'Lenkja er over eit døgn gammal. Abonner på nytt for å få ei ny.',
    en: 'The link is more than a day old. Subscribe again to get a new one.',
  }),
  formRefused: (): Message => ({
    nb: 'Skjemaet inneholdt tegn som ikke kan brukes, eller for lang tekst. Gå tilbake og prøv igjen.',
    nn: 'Skjemaet inneheldt teikn som ikkje kan brukast, eller for lang tekst. Gå tilbake og prøv igjen.',
    en: 'The form held characters that cannot be used, or too long a text. Go back and try again.',
  }),
  subscriberNotFound: (): Message => ({
    nb: 'Finner ikke abonnenten.',
    nn: 'Finn ikkje abonnenten.',
    en: 'Subscriber not found.',
  }),
  consentRequired: (): Message => ({
    nb: 'Abonnenten må ha samtykket.',
    nn: 'Abonnenten må ha samtykt.',
    en: 'The subscriber must have consented.',
  }),
  contactRequired: (): Message => ({
    nb: 'Oppgi e-post eller mobilnummer.',
    nn: 'Oppgje e-post eller mobilnummer.',
    en: 'Give an email address or a mobile number.',
  }),
  placeRequired: (): Message => ({
    nb: 'Oppgi en adresse i kommunen eller et punkt (lat/lon).',
    nn: 'Oppgje ei adresse i kommunen eller eit punkt (lat/lon).',
    en: 'Give an address in the municipality or a point (lat/lon).',
  }),
  emailInvalid: (): Message => each((l) => SUBSCRIBE_TEXT[l].emailInvalid),
  phoneInvalid: (): Message => each((l) => SUBSCRIBE_TEXT[l].phoneInvalid),
  addressNotFound: (): Message => each((l) => SUBSCRIBE_TEXT[l].addressNotFound),
  importEmpty: (): Message => ({
    nb: 'Fila er tom eller mangler overskriftsrad.',
    nn: 'Fila er tom eller manglar overskriftsrad.',
    en: 'The file is empty or has no header row.',
  }),
  importNotCsv: (reason: string): Message => ({
    nb: `Fila kan ikke leses som CSV: ${reason}`,
    nn: `Fila kan ikkje lesast som CSV: ${reason}`,
    en: `The file cannot be read as CSV: ${reason}`,
  }),
};

/** Why an imported line was refused, in the staff member's language. */
export const IMPORT_REASONS: Record<
  Language,
  Record<
    'consent' | 'contact' | 'email' | 'phone' | 'place' | 'address' | 'language' | 'tooLong' | 'control',
    string
  >
> = {
  nb: {
    consent: 'Mangler samtykke (samtykke må være ja)',
    contact: 'Mangler både e-post og mobilnummer',
    email: 'Ugyldig e-postadresse',
    phone: 'Ugyldig mobilnummer',
    place: 'Mangler adresse (eller lat og lon)',
    address: 'Fant ikke adressen i kommunen',
    language: 'Ukjent språk (bruk nb, nn eller en)',
    tooLong: 'For lang verdi',
    control: 'Inneholder kontrolltegn',
  },
  nn: {
    consent: 'Manglar samtykke (samtykke må vere ja)',
    contact: 'Manglar både e-post og mobilnummer',
    email: 'Ugyldig e-postadresse',
    phone: 'Ugyldig mobilnummer',
    place: 'Manglar adresse (eller lat og lon)',
    address: 'Fann ikkje adressa i kommunen',
    language: 'Ukjent språk (bruk nb, nn eller en)',
    tooLong: 'For lang verdi',
    control: 'Inneheld kontrollteikn',
  },
  en: {
    consent: 'No consent (samtykke must be yes)',
    contact: 'Neither email nor mobile number',
    email: 'Invalid email address',
    phone: 'Invalid mobile number',
    place: 'No address (or lat and lon)',
    address: 'Address not found in the municipality',
    language: 'Unknown language (use nb, nn or en)',
    tooLong: 'Value too long',
    control: 'Contains control characters',
  },
};
