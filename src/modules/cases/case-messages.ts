// Messages staff read when a case action is refused, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

/** "3.12.2026 kl. 09:15" in Norwegian time, whatever the server's zone. */
function osloTime(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at);
}

export const caseMessages = {
  changedMeanwhile: (name: string | null, at: Date): Message => ({
    nb: `Saken ble endret av ${name ?? 'noen andre'} ${osloTime(at, 'nb-NO')}, mens du arbeidet. Endringen din er ikke lagret. Last inn på nytt; teksten din er tatt vare på.`,
    nn: `Saka vart endra av ${name ?? 'nokon andre'} ${osloTime(at, 'nn-NO')}, medan du arbeidde. Endringa di er ikkje lagra. Last inn på nytt; teksten din er teken vare på.`,
    en: `The case was changed by ${name ?? 'someone else'} at ${osloTime(at, 'en-GB')}, while you were working. Your change was not saved. Reload; your text has been kept.`,
  }),
  replyNotAllowed: (): Message => ({
    nb: 'Du kan endre status, men ikke sende svar til innbyggeren. Fjern svarteksten, eller skriv et internt notat.',
    nn: 'Du kan endre status, men ikkje sende svar til innbyggjaren. Fjern svarteksten, eller skriv eit internt notat.',
    en: 'You may change the status, but not send a reply to the resident. Remove the reply text, or write an internal note.',
  }),
  tooManyStaffPhotos: (max: number): Message => ({
    nb: `En melding kan ha høyst ${max} bilder fra ansatte.`,
    nn: `Ei melding kan ha høgst ${max} bilete frå tilsette.`,
    en: `A report can have at most ${max} photos from staff.`,
  }),
  photoMissing: (): Message => ({
    nb: 'Send ett bilde i feltet «photo» (multipart/form-data).',
    nn: 'Send eitt bilete i feltet «photo» (multipart/form-data).',
    en: 'Send one photo in the field "photo" (multipart/form-data).',
  }),
  currentVersion: (version: string): Message => ({
    nb: `Gjeldende versjon: ${version}`,
    nn: `Gjeldande versjon: ${version}`,
    en: `Current version: ${version}`,
  }),
  reportNotFound: (): Message => ({
    nb: 'Fant ikke meldingen i denne kommunen.',
    nn: 'Fann ikkje meldinga i denne kommunen.',
    en: 'Could not find the report in this municipality.',
  }),
  teamNotInMunicipality: (): Message => ({
    nb: 'Teamet finnes ikke i denne kommunen.',
    nn: 'Teamet finst ikkje i denne kommunen.',
    en: 'The team does not exist in this municipality.',
  }),
  assigneeNotInMunicipality: (): Message => ({
    nb: 'Personen har ingen rolle i denne kommunen, og kan ikke få saken.',
    nn: 'Personen har inga rolle i denne kommunen, og kan ikkje få saka.',
    en: 'That person has no role in this municipality and cannot be assigned the case.',
  }),
  mergeIntoItself: (): Message => ({
    nb: 'En melding kan ikke slås sammen med seg selv.',
    nn: 'Ei melding kan ikkje slåast saman med seg sjølv.',
    en: 'A report cannot be merged into itself.',
  }),
  mergeOtherMunicipality: (ref: string): Message => ({
    nb: `Fant ikke meldingen ${ref} i denne kommunen; bare meldinger i samme kommune kan slås sammen.`,
    nn: `Fann ikkje meldinga ${ref} i denne kommunen; berre meldingar i same kommune kan slåast saman.`,
    en: `Could not find report ${ref} in this municipality; only reports of the same municipality can be merged.`,
  }),
  alreadyMerged: (ref: string): Message => ({
    nb: `Meldingen ${ref} er allerede slått sammen med en annen.`,
    nn: `Meldinga ${ref} er alt slått saman med ei anna.`,
    en: `Report ${ref} has already been merged into another.`,
  }),
  primaryIsMerged: (): Message => ({
    nb: 'Denne meldingen er selv slått sammen med en annen; slå sammen med den i stedet.',
    nn: 'Denne meldinga er sjølv slått saman med ei anna; slå saman med den i staden.',
    en: 'This report has itself been merged into another; merge into that one instead.',
  }),
  categoryNotUsable: (): Message => ({
    nb: 'Kategorien finnes ikke, er ikke aktiv, eller hører til en annen kommune.',
    nn: 'Kategorien finst ikkje, er ikkje aktiv, eller høyrer til ein annan kommune.',
    en: 'The category does not exist, is not active, or belongs to another municipality.',
  }),
  locationOutside: (): Message => ({
    nb: 'Punktet ligger utenfor kommunen.',
    nn: 'Punktet ligg utanfor kommunen.',
    en: 'The point lies outside the municipality.',
  }),
  locationIncomplete: (): Message => ({
    nb: 'Oppgi både breddegrad og lengdegrad.',
    nn: 'Oppgi både breiddegrad og lengdegrad.',
    en: 'Give both latitude and longitude.',
  }),
  nothingToCorrect: (): Message => ({
    nb: 'Oppgi kategori, posisjon eller adresse som skal rettes.',
    nn: 'Oppgi kategori, posisjon eller adresse som skal rettast.',
    en: 'Give the category, position or address to correct.',
  }),
  blankMessage: (): Message => ({
    nb: 'Skriv en tekst.',
    nn: 'Skriv ein tekst.',
    en: 'Write a text.',
  }),
  mergedWith: (ref: string): Message => ({
    nb: `Slått sammen med ${ref}`,
    nn: `Slått saman med ${ref}`,
    en: `Merged with ${ref}`,
  }),
  forwardedTo: (to: string): Message => ({
    nb: `Videresendt til ${to}.`,
    nn: `Vidaresendt til ${to}.`,
    en: `Forwarded to ${to}.`,
  }),
  yes: (): Message => ({ nb: 'Ja', nn: 'Ja', en: 'Yes' }),
  no: (): Message => ({ nb: 'Nei', nn: 'Nei', en: 'No' }),
};
