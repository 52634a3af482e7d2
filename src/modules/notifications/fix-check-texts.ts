// Words of the "is it really fixed?" page, its errors, the history entry and the team's email, in
// bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';

export const COMMENT_MAX = 2000;

export const fixCheckMessages = {
  linkInvalid: (): Message => ({
    nb: 'Lenken er ikke gyldig (lenger). Bruk lenken i den siste meldingen du fikk om saken.',
    nn: 'Lenkja er ikkje gyldig (lenger). Bruk lenkja i den siste meldinga du fekk om saka.',
    en: 'This link is not valid (any more). Use the link in the latest message you got about the report.',
  }),
  linkExpired: (): Message => ({
    nb: 'Lenken er for gammel: du kan svare i 60 dager etter at arbeidet ble meldt utført. Meld fra på nytt hvis det ikke er fikset.',
    nn: 'Lenkja er for gammal: du kan svare i 60 dagar etter at arbeidet vart meldt utført. Meld frå på nytt om det ikkje er fiksa.',
    en: 'This link has expired: you can answer for 60 days after the work was reported done. Please send a new report if it is not fixed.',
  }),
  commentRequired: (): Message => ({
    nb: 'Skriv hva som ikke er fikset.',
    nn: 'Skriv kva som ikkje er fiksa.',
    en: 'Write what is not fixed.',
  }),
  commentTooLong: (): Message => ({
    nb: `Kommentaren kan være høyst ${COMMENT_MAX} tegn.`,
    nn: `Kommentaren kan vere høgst ${COMMENT_MAX} teikn.`,
    en: `The comment can be at most ${COMMENT_MAX} characters.`,
  }),
  onePhoto: (): Message => ({
    nb: 'Du kan legge ved ett bilde.',
    nn: 'Du kan leggje ved eitt bilete.',
    en: 'You can attach one photo.',
  }),
  /** The public history entry: neutral, since the resident's own words may hold personal data. */
  reopenedEvent: (): Message => ({
    nb: 'Innbygger melder at det ikke er fikset; saken er gjenåpnet.',
    nn: 'Innbyggjar melder at det ikkje er fiksa; saka er opna igjen.',
    en: 'The resident reports that it is not fixed; the report has been reopened.',
  }),
};

export interface FixCheckPageText {
  title: string;
  intro: (ref: string) => string;
  ref: string;
  category: string;
  place: string;
  done: string;
  yes: string;
  no: string;
  reopenTitle: string;
  reopenIntro: string;
  comment: string;
  commentHint: string;
  required: string;
  photo: string;
  photoHint: string;
  photoPublic: string;
  photoAgain: string;
  send: string;
  back: string;
  errorSummary: string;
  thanksConfirmed: string;
  thanksReopened: string;
  answeredConfirmed: (date: string) => string;
  answeredReopened: (date: string) => string;
  seeReport: string;
}

export const fixCheckPageText: Record<Language, FixCheckPageText> = {
  nb: {
    title: 'Er det fikset?',
    intro: (ref) => `Vi har meldt at arbeidet med meldingen ${ref} er utført. Stemmer det?`,
    ref: 'Referanse',
    category: 'Kategori',
    place: 'Sted',
    done: 'Dette ble gjort',
    yes: 'Ja, det er fikset',
    no: 'Nei, det er ikke fikset',
    reopenTitle: 'Det er ikke fikset',
    reopenIntro: 'Fortell hva som ikke er i orden, så åpner vi saken igjen.',
    comment: 'Hva er ikke fikset?',
    commentHint: `Høyst ${COMMENT_MAX} tegn. Kommentaren vises ikke offentlig.`,
    required: '(må fylles ut)',
    photo: 'Bilde (valgfritt)',
    photoHint: 'JPEG, PNG, WebP eller AVIF, høyst 15 MB.',
    photoPublic: 'Bildet vises på sakens offentlige side, som de andre bildene.',
    photoAgain: 'Velg bildet på nytt hvis du vil legge det ved.',
    send: 'Send og åpne saken igjen',
    back: 'Tilbake',
    errorSummary: 'Noe må rettes',
    thanksConfirmed: 'Takk! Vi har registrert at det er fikset.',
    thanksReopened: 'Takk! Saken er åpnet igjen, og de som jobber med den har fått beskjed.',
    answeredConfirmed: (date) => `Du svarte ${date} at det er fikset.`,
    answeredReopened: (date) => `Du svarte ${date} at det ikke er fikset, og saken ble åpnet igjen.`,
    seeReport: 'Se saken',
  },
  nn: {
    title: 'Er det fiksa?',
    intro: (ref) => `Vi har meldt at arbeidet med meldinga ${ref} er utført. Stemmer det?`,
    ref: 'Referanse',
    category: 'Kategori',
    place: 'Stad',
    done: 'Dette vart gjort',
    yes: 'Ja, det er fiksa',
    no: 'Nei, det er ikkje fiksa',
    reopenTitle: 'Det er ikkje fiksa',
    reopenIntro: 'Fortel kva som ikkje er i orden, så opnar vi saka igjen.',
    comment: 'Kva er ikkje fiksa?',
    commentHint: `Høgst ${COMMENT_MAX} teikn. Kommentaren blir ikkje vist offentleg.`,
    required: '(må fyllast ut)',
    photo: 'Bilete (valfritt)',
    photoHint: 'JPEG, PNG, WebP eller AVIF, høgst 15 MB.',
    photoPublic: 'Biletet blir vist på den offentlege sida til saka, som dei andre bileta.',
    photoAgain: 'Vel biletet på nytt om du vil leggje det ved.',
    send: 'Send og opne saka igjen',
    back: 'Tilbake',
    errorSummary: 'Noko må rettast',
    thanksConfirmed: 'Takk! Vi har registrert at det er fiksa.',
    thanksReopened: 'Takk! Saka er opna igjen, og dei som arbeider med ho har fått beskjed.',
    answeredConfirmed: (date) => `Du svarte ${date} at det er fiksa.`,
    answeredReopened: (date) => `Du svarte ${date} at det ikkje er fiksa, og saka vart opna igjen.`,
    seeReport: 'Sjå saka',
  },
  en: {
    title: 'Is it fixed?',
    intro: (ref) => `We have told you the work on report ${ref} is done. Is that right?`,
    ref: 'Reference',
    category: 'Category',
    place: 'Place',
    done: 'What was done',
    yes: 'Yes, it is fixed',
    no: 'No, it is not fixed',
    reopenTitle: 'It is not fixed',
    reopenIntro: 'Tell us what is not right, and we will reopen the report.',
    comment: 'What is not fixed?',
    commentHint: `At most ${COMMENT_MAX} characters. The comment is not shown publicly.`,
    required: '(required)',
    photo: 'Photo (optional)',
    photoHint: 'JPEG, PNG, WebP or AVIF, at most 15 MB.',
    photoPublic: "The photo is shown on the report's public page, like its other photos.",
    photoAgain: 'Choose the photo again if you want to attach it.',
    send: 'Send and reopen the report',
    back: 'Back',
    errorSummary: 'Something needs correcting',
    thanksConfirmed: 'Thank you! We have recorded that it is fixed.',
    thanksReopened: 'Thank you! The report has been reopened, and the people working on it have been told.',
    answeredConfirmed: (date) => `You answered on ${date} that it is fixed.`,
    answeredReopened: (date) => `You answered on ${date} that it is not fixed, and the report was reopened.`,
    seeReport: 'See the report',
  },
};

/**
 * The email to the team when a resident reopens a report. The resident's comment stays out of it
 * (it may hold personal data, and email travels further than the case): it is in the history.
 */
export const reopenedStaffText: Record<
  Language,
  { subject: (ref: string) => string; body: (ref: string, category: string, link: string) => string }
> = {
  nb: {
    subject: (ref) => `Gjenåpnet av innbygger: ${ref}`,
    body: (ref, category, link) =>
      `Den som meldte fra om ${ref} (${category}), sier at det ikke er fikset. Saken er satt tilbake til Under behandling. Kommentaren fra innbyggeren står i historikken.\n\nÅpne saken: ${link}`,
  },
  nn: {
    subject: (ref) => `Opna igjen av innbyggjar: ${ref}`,
    body: (ref, category, link) =>
      `Den som melde frå om ${ref} (${category}), seier at det ikkje er fiksa. Saka er sett tilbake til Under handsaming. Kommentaren frå innbyggjaren står i historikken.\n\nOpne saka: ${link}`,
  },
  en: {
    subject: (ref) => `Reopened by the resident: ${ref}`,
    body: (ref, category, link) =>
      `The person who reported ${ref} (${category}) says it is not fixed. The report is back to Being handled. The resident's comment is in its history.\n\nOpen the report: ${link}`,
  },
};
