// Messages people read when something is wrong, in bokmål, nynorsk and English.
// One function per message, so a missing translation is a type error, not a blank on a page.
import type { Message } from '../shared/errors.ts';
import type { LocalizedText } from '../shared/language.ts';

function each(make: (lang: 'nb' | 'nn' | 'en') => string): Message {
  return { nb: make('nb'), nn: make('nn'), en: make('en') };
}

function label(text: LocalizedText, lang: 'nb' | 'nn' | 'en'): string {
  return text[lang] ?? text.nb;
}

export const messages = {
  invalidRequest: (): Message => ({
    nb: 'Forespørselen er ikke gyldig. Se detaljene.',
    nn: 'Førespurnaden er ikkje gyldig. Sjå detaljane.',
    en: 'The request is not valid. See the details.',
  }),
  invalidField: (reason: string): Message => ({
    nb: `Ugyldig verdi: ${reason}`,
    nn: `Ugyldig verdi: ${reason}`,
    en: `Invalid value: ${reason}`,
  }),
  invalidJson: (): Message => ({
    nb: 'Innholdet er ikke gyldig JSON.',
    nn: 'Innhaldet er ikkje gyldig JSON.',
    en: 'The body is not valid JSON.',
  }),
  bodyTooLarge: (limitBytes: number): Message =>
    each((l) => {
      const kb = Math.round(limitBytes / 1024);
      return l === 'en'
        ? `The request is too large (limit ${kb} kB).`
        : l === 'nn'
          ? `Førespurnaden er for stor (grense ${kb} kB).`
          : `Forespørselen er for stor (grense ${kb} kB).`;
    }),
  unsupportedMediaType: (): Message => ({
    nb: 'Innholdstypen støttes ikke. Send application/json.',
    nn: 'Innhaldstypen er ikkje støtta. Send application/json.',
    en: 'Unsupported content type. Send application/json.',
  }),
  rateLimited: (seconds: number): Message => ({
    nb: `For mange forespørsler. Prøv igjen om ${seconds} sekunder.`,
    nn: `For mange førespurnader. Prøv igjen om ${seconds} sekund.`,
    en: `Too many requests. Try again in ${seconds} seconds.`,
  }),
  routeNotFound: (): Message => ({
    nb: 'Finner ikke denne adressen.',
    nn: 'Finn ikkje denne adressa.',
    en: 'No such address.',
  }),
  internalError: (): Message => ({
    nb: 'Noe gikk galt hos oss. Prøv igjen litt senere.',
    nn: 'Noko gjekk gale hos oss. Prøv igjen litt seinare.',
    en: 'Something went wrong on our side. Please try again shortly.',
  }),
  shuttingDown: (): Message => ({
    nb: 'Tjenesten starter på nytt. Prøv igjen om noen sekunder.',
    nn: 'Tenesta startar på nytt. Prøv igjen om nokre sekund.',
    en: 'The service is restarting. Try again in a few seconds.',
  }),
  intakeBusy: (seconds: number): Message => ({
    nb: `Akkurat nå kommer det inn svært mange meldinger. Prøv igjen om ${seconds} sekunder; meldingen din er ikke sendt ennå.`,
    nn: `Akkurat no kjem det inn svært mange meldingar. Prøv igjen om ${seconds} sekund; meldinga di er ikkje send enno.`,
    en: `Very many reports are coming in right now. Try again in ${seconds} seconds; your report has not been sent yet.`,
  }),

  // Municipalities and places
  municipalityNotFound: (kommunenummer: string): Message => ({
    nb: `Ingen kommune med nummer ${kommunenummer} bruker denne tjenesten.`,
    nn: `Ingen kommune med nummer ${kommunenummer} brukar denne tenesta.`,
    en: `No municipality numbered ${kommunenummer} uses this service.`,
  }),
  /** A municipality that uses the service, but has been deactivated by the platform operator. */
  municipalityUnavailable: (name: string): Message => ({
    nb: `${name} kommune tar ikke imot meldinger gjennom denne tjenesten nå. Kontakt ${name} kommune direkte.`,
    nn: `${name} kommune tek ikkje imot meldingar gjennom denne tenesta no. Kontakt ${name} kommune direkte.`,
    en: `${name} municipality is not taking reports through this service at the moment. Please contact ${name} municipality directly.`,
  }),
  municipalityNotInService: (name: string): Message => ({
    nb: `Stedet ligger i ${name} kommune, som ikke bruker denne tjenesten. Kontakt ${name} kommune direkte.`,
    nn: `Staden ligg i ${name} kommune, som ikkje brukar denne tenesta. Kontakt ${name} kommune direkte.`,
    en: `The place is in ${name} municipality, which does not use this service. Please contact ${name} municipality directly.`,
  }),
  locationOutsideNorway: (): Message => ({
    nb: 'Stedet ligger ikke i Norge. Flytt markøren til riktig sted.',
    nn: 'Staden ligg ikkje i Noreg. Flytt markøren til rett stad.',
    en: 'The place is not in Norway. Move the marker to the right place.',
  }),
  locationInOtherMunicipality: (expected: string, actual: string): Message => ({
    nb: `Stedet ligger i ${actual} kommune, ikke i ${expected}.`,
    nn: `Staden ligg i ${actual} kommune, ikkje i ${expected}.`,
    en: `The place is in ${actual} municipality, not in ${expected}.`,
  }),
  locationOrAddressRequired: (): Message => ({
    nb: 'Oppgi hvor problemet er: et punkt på kartet, eller kommune og adresse/stedsbeskrivelse.',
    nn: 'Oppgi kvar problemet er: eit punkt på kartet, eller kommune og adresse/stadsskildring.',
    en: 'Say where the problem is: a point on the map, or the municipality and an address or description of the place.',
  }),

  // Categories and answers
  unknownCategory: (code: string): Message => ({
    nb: `Kategorien «${code}» finnes ikke i denne kommunen.`,
    nn: `Kategorien «${code}» finst ikkje i denne kommunen.`,
    en: `The category "${code}" does not exist in this municipality.`,
  }),
  inactiveCategory: (name: LocalizedText): Message =>
    each((l) =>
      l === 'en'
        ? `The category "${label(name, l)}" no longer takes reports. Choose another category.`
        : l === 'nn'
          ? `Kategorien «${label(name, l)}» tek ikkje imot meldingar lenger. Vel ein annan kategori.`
          : `Kategorien «${label(name, l)}» tar ikke imot meldinger lenger. Velg en annen kategori.`,
    ),
  answersNotObject: (): Message => ({
    nb: 'Svarene må sendes som et objekt med ett felt per spørsmål.',
    nn: 'Svara må sendast som eit objekt med eitt felt per spørsmål.',
    en: 'Answers must be an object with one field per question.',
  }),
  unknownQuestion: (code: string): Message => ({
    nb: `Kategorien har ikke spørsmålet «${code}».`,
    nn: `Kategorien har ikkje spørsmålet «${code}».`,
    en: `The category has no question "${code}".`,
  }),
  answerRequired: (q: LocalizedText): Message =>
    each((l) => (l === 'en' ? `Please answer: ${label(q, l)}` : `Svar på: ${label(q, l)}`)),
  answerMustBeText: (q: LocalizedText): Message => ({
    nb: `«${label(q, 'nb')}» må være tekst.`,
    nn: `«${label(q, 'nn')}» må vere tekst.`,
    en: `"${label(q, 'en')}" must be text.`,
  }),
  answerTooLong: (q: LocalizedText, max: number): Message => ({
    nb: `«${label(q, 'nb')}» kan ha høyst ${max} tegn.`,
    nn: `«${label(q, 'nn')}» kan ha høgst ${max} teikn.`,
    en: `"${label(q, 'en')}" can be at most ${max} characters.`,
  }),
  answerMustBeNumber: (q: LocalizedText): Message => ({
    nb: `«${label(q, 'nb')}» må være et tall.`,
    nn: `«${label(q, 'nn')}» må vere eit tal.`,
    en: `"${label(q, 'en')}" must be a number.`,
  }),
  answerOutOfRange: (q: LocalizedText, min: number | undefined, max: number | undefined): Message => {
    const range = `${min ?? '–'}–${max ?? '–'}`;
    return {
      nb: `«${label(q, 'nb')}» må være mellom ${range}.`,
      nn: `«${label(q, 'nn')}» må vere mellom ${range}.`,
      en: `"${label(q, 'en')}" must be between ${min ?? '-∞'} and ${max ?? '∞'}.`,
    };
  },
  answerMustBeYesNo: (q: LocalizedText): Message => ({
    nb: `«${label(q, 'nb')}» må være ja eller nei.`,
    nn: `«${label(q, 'nn')}» må vere ja eller nei.`,
    en: `"${label(q, 'en')}" must be yes or no.`,
  }),
  answerInvalidChoice: (q: LocalizedText): Message =>
    each((l) =>
      l === 'en'
        ? `Choose one of the listed options for "${label(q, l)}".`
        : l === 'nb'
          ? `Velg et av alternativene for «${label(q, l)}».`
          : `Vel eit av alternativa for «${label(q, l)}».`,
    ),

  // Description and contact
  descriptionRequired: (): Message => ({
    nb: 'Beskriv problemet.',
    nn: 'Skildre problemet.',
    en: 'Describe the problem.',
  }),
  descriptionTooLong: (max: number): Message => ({
    nb: `Beskrivelsen kan ha høyst ${max} tegn.`,
    nn: `Skildringa kan ha høgst ${max} teikn.`,
    en: `The description can be at most ${max} characters.`,
  }),
  contactRequired: (category: LocalizedText): Message =>
    each((l) =>
      l === 'en'
        ? `"${label(category, l)}" needs a way to reach you: give an email address or a phone number.`
        : l === 'nb'
          ? `«${label(category, l)}» krever at vi kan nå deg: oppgi e-post eller telefonnummer.`
          : `«${label(category, l)}» krev at vi kan nå deg: oppgi e-post eller telefonnummer.`,
    ),
  invalidEmail: (): Message => ({
    nb: 'E-postadressen ser ikke riktig ut (eksempel: navn@eksempel.no).',
    nn: 'E-postadressa ser ikkje rett ut (døme: namn@døme.no).',
    en: 'The email address does not look right (example: name@example.no).',
  }),
  invalidPhone: (): Message => ({
    nb: 'Telefonnummeret ser ikke riktig ut. Bruk 8 siffer, eller +landskode og nummer.',
    nn: 'Telefonnummeret ser ikkje rett ut. Bruk 8 siffer, eller +landskode og nummer.',
    en: 'The phone number does not look right. Use 8 digits, or + country code and number.',
  }),
  notifyEmailNeedsEmail: (): Message => ({
    nb: 'Du valgte varsel på e-post: oppgi en e-postadresse.',
    nn: 'Du valde varsel på e-post: oppgi ei e-postadresse.',
    en: 'You chose updates by email: give an email address.',
  }),
  notifySmsNeedsPhone: (): Message => ({
    nb: 'Du valgte varsel på SMS: oppgi et mobilnummer.',
    nn: 'Du valde varsel på SMS: oppgi eit mobilnummer.',
    en: 'You chose updates by SMS: give a mobile number.',
  }),

  // Reports
  reportNotFound: (ref: string): Message => ({
    nb: `Finner ingen melding med referanse ${ref}.`,
    nn: `Finn inga melding med referanse ${ref}.`,
    en: `No report with reference ${ref}.`,
  }),
  trackingTokenInvalid: (): Message => ({
    nb: 'Sporingslenken passer ikke til denne meldingen. Bruk lenken fra kvitteringen.',
    nn: 'Sporingslenkja passar ikkje til denne meldinga. Bruk lenkja frå kvitteringa.',
    en: 'The tracking link does not match this report. Use the link from your receipt.',
  }),
  idempotencyKeyInvalid: (): Message => ({
    nb: 'Idempotency-Key må være 8–255 synlige tegn.',
    nn: 'Idempotency-Key må vere 8–255 synlege teikn.',
    en: 'Idempotency-Key must be 8–255 visible characters.',
  }),
  idempotencyKeyReused: (): Message => ({
    nb: 'Denne Idempotency-Key er allerede brukt til en annen melding. Bruk en ny nøkkel for en ny melding.',
    nn: 'Denne Idempotency-Key er alt brukt til ei anna melding. Bruk ein ny nøkkel for ei ny melding.',
    en: 'This Idempotency-Key was already used for a different report. Use a new key for a new report.',
  }),
  invalidCursor: (): Message => ({
    nb: 'Sidemarkøren (cursor) er ugyldig. Start på første side.',
    nn: 'Sidemarkøren (cursor) er ugyldig. Start på første side.',
    en: 'The cursor is not valid. Start again from the first page.',
  }),
  invalidBbox: (): Message => ({
    nb: 'bbox må være minLon,minLat,maxLon,maxLat i grader, med min mindre enn maks.',
    nn: 'bbox må vere minLon,minLat,maxLon,maxLat i grader, med min mindre enn maks.',
    en: 'bbox must be minLon,minLat,maxLon,maxLat in degrees, with min below max.',
  }),

  // Photos: what a resident sees when a photo cannot be used, and what to do instead.
  photoTooLarge: (maxMegabytes: number): Message => ({
    nb: `Bildet er for stort (over ${maxMegabytes} MB). Velg et mindre bilde, eller ta det med lavere oppløsning.`,
    nn: `Biletet er for stort (over ${maxMegabytes} MB). Vel eit mindre bilete, eller ta det med lågare oppløysing.`,
    en: `The photo is too large (over ${maxMegabytes} MB). Choose a smaller photo, or take it at a lower resolution.`,
  }),
  photoNotAnImage: (): Message => ({
    nb: 'Filen er ikke et bilde vi kan bruke. Send et bilde i JPEG, PNG, WebP eller AVIF.',
    nn: 'Fila er ikkje eit bilete vi kan bruke. Send eit bilete i JPEG, PNG, WebP eller AVIF.',
    en: 'The file is not a photo we can use. Send a JPEG, PNG, WebP or AVIF image.',
  }),
  // iPhones save HEIC by default. The setting is named as the phone shows it (iOS has no nynorsk).
  photoHeic: (): Message => ({
    nb: 'Bilder i HEIC-format (vanlig på iPhone) kan vi ikke ta imot. Send bildet som JPEG, eller velg «Mest kompatibel» under Innstillinger > Kamera > Formater og ta bildet på nytt.',
    nn: 'Bilete i HEIC-format (vanleg på iPhone) kan vi ikkje ta imot. Send biletet som JPEG, eller vel «Mest kompatibel» under Innstillinger > Kamera > Formater og ta biletet på nytt.',
    en: 'We cannot take photos in HEIC format (common on iPhones). Send the photo as JPEG, or choose "Most Compatible" under Settings > Camera > Formats and take the photo again.',
  }),
  photoDamaged: (): Message => ({
    nb: 'Bildet er skadet eller ufullstendig. Prøv å ta det på nytt.',
    nn: 'Biletet er skadd eller ufullstendig. Prøv å ta det på nytt.',
    en: 'The photo is damaged or incomplete. Try taking it again.',
  }),
  photoTooManyPixels: (maxMegapixels: number): Message => ({
    nb: `Bildet har for mange piksler (over ${maxMegapixels} megapiksler). Send et mindre bilde.`,
    nn: `Biletet har for mange pikslar (over ${maxMegapixels} megapikslar). Send eit mindre bilete.`,
    en: `The photo has too many pixels (over ${maxMegapixels} megapixels). Send a smaller photo.`,
  }),
  tooManyPhotos: (max: number): Message => ({
    nb: `Du kan legge ved høyst ${max} bilder.`,
    nn: `Du kan leggje ved høgst ${max} bilete.`,
    en: `You can attach at most ${max} photos.`,
  }),
  photoNotFound: (): Message => ({
    nb: 'Finner ikke bildet.',
    nn: 'Finn ikkje biletet.',
    en: 'No such photo.',
  }),
  draftNotFound: (): Message => ({
    nb: 'Finner ikke utkastet til meldingen. Det kan ha gått ut på tid. Start på nytt.',
    nn: 'Finn ikkje utkastet til meldinga. Det kan ha gått ut på tid. Start på nytt.',
    en: 'The draft report was not found. It may have expired. Please start again.',
  }),
  formPartUnexpected: (name: string): Message => ({
    nb: `Skjemaet kan bare ha tekstfeltet «report» (meldingen som JSON) og filer med navnet «photo», ikke «${name}».`,
    nn: `Skjemaet kan berre ha tekstfeltet «report» (meldinga som JSON) og filer med namnet «photo», ikkje «${name}».`,
    en: `The form may only hold the text field "report" (the report as JSON) and files named "photo", not "${name}".`,
  }),
  reportFieldMissing: (): Message => ({
    nb: 'Skjemaet mangler tekstfeltet «report» med meldingen som JSON.',
    nn: 'Skjemaet manglar tekstfeltet «report» med meldinga som JSON.',
    en: 'The form lacks the text field "report" holding the report as JSON.',
  }),
  reportFieldRepeated: (): Message => ({
    nb: 'Tekstfeltet «report» kan bare sendes én gang.',
    nn: 'Tekstfeltet «report» kan berre sendast éin gong.',
    en: 'The text field "report" can be sent only once.',
  }),
  formTooLarge: (): Message => ({
    nb: 'Skjemaet har for mange felt eller filer.',
    nn: 'Skjemaet har for mange felt eller filer.',
    en: 'The form has too many fields or files.',
  }),
  formUnreadable: (): Message => ({
    nb: 'Skjemaet kunne ikke leses. Send det på nytt.',
    nn: 'Skjemaet kunne ikkje lesast. Send det på nytt.',
    en: 'The form could not be read. Please send it again.',
  }),

  // Report links (QR stickers on hydrants and pumping stations, /q/{code})
  reportLinkNotInUse: (): Message => ({
    nb: 'Denne QR-koden er ikke i bruk lenger. Du kan fortsatt melde fra om problemet, med kart eller adresse.',
    nn: 'Denne QR-koden er ikkje i bruk lenger. Du kan framleis melde frå om problemet, med kart eller adresse.',
    en: 'This QR code is no longer in use. You can still report the problem, with the map or an address.',
  }),

  // Address search (an online address service, e.g. Kartverket's, behind /addresses)
  addressSearchUnavailable: (): Message => ({
    nb: 'Adressesøket svarer ikke nå. Skriv adressen selv.',
    nn: 'Adressesøket svarar ikkje no. Skriv adressa sjølv.',
    en: 'Address search is not responding right now. Please type the address yourself.',
  }),
  addressSearchOff: (): Message => ({
    nb: 'Adressesøk er ikke slått på her.',
    nn: 'Adressesøk er ikkje slått på her.',
    en: 'Address search is not turned on here.',
  }),

  // Web forms (residents' pages)
  formExpired: (): Message => ({
    nb: 'Skjemaet var for gammelt eller kom fra et annet sted. Se over og send på nytt.',
    nn: 'Skjemaet var for gammalt eller kom frå ein annan stad. Sjå over og send på nytt.',
    en: 'The form was too old or came from somewhere else. Check it and send it again.',
  }),
  followNeedsContact: (): Message => ({
    nb: 'Oppgi e-post eller mobilnummer for å følge meldingen.',
    nn: 'Oppgi e-post eller mobilnummer for å følgje meldinga.',
    en: 'Give an email address or mobile number to follow the report.',
  }),
  followRateLimited: (): Message => ({
    nb: 'Det er bedt om å følge for mange meldinger herfra, eller denne meldingen, den siste timen. Prøv igjen om en time.',
    nn: 'Det er bede om å følgje for mange meldingar herifrå, eller denne meldinga, den siste timen. Prøv igjen om ein time.',
    en: 'Too many requests to follow reports have come from here, or for this report, in the last hour. Please try again in an hour.',
  }),
  followLinkInvalid: (): Message => ({
    nb: 'Lenken virker ikke. Kanskje den er kopiert feil, eller forespørselen er slettet.',
    nn: 'Lenkja verkar ikkje. Kanskje ho er kopiert feil, eller førespurnaden er sletta.',
    en: 'The link does not work. It may have been copied wrongly, or the request has been removed.',
  }),
  followLinkExpired: (): Message => ({
    nb: 'Lenken er for gammel. Følg meldingen på nytt for å få en ny.',
    nn: 'Lenkja er for gammal. Følg meldinga på nytt for å få ei ny.',
    en: 'The link is too old. Follow the report again to get a new one.',
  }),
  followRequestNotFound: (): Message => ({
    nb: 'Finner ikke denne forespørselen om å følge meldingen. Den kan være over et døgn gammel.',
    nn: 'Finn ikkje denne førespurnaden om å følgje meldinga. Han kan vere over eit døgn gammal.',
    en: 'This request to follow the report was not found. It may be more than a day old.',
  }),
};
