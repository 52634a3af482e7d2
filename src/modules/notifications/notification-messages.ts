// Texts of the notifications module's pages and errors, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const notificationMessages = {
  stopLinkInvalid: (): Message => ({
    nb: 'Lenken for å stoppe varsler er ikke gyldig. Kopier hele lenken fra meldingen.',
    nn: 'Lenkja for å stoppe varsel er ikkje gyldig. Kopier heile lenkja frå meldinga.',
    en: 'The link to stop updates is not valid. Copy the whole link from the message.',
  }),
  deliveryReportsOff: (): Message => ({
    nb: 'Leveringsrapporter er ikke slått på.',
    nn: 'Leveringsrapportar er ikkje slått på.',
    en: 'Delivery reports are not turned on.',
  }),
  deliveryReportTokenInvalid: (): Message => ({
    nb: 'Feil nøkkel for leveringsrapporter.',
    nn: 'Feil nøkkel for leveringsrapportar.',
    en: 'Wrong delivery report token.',
  }),
};

export interface StopPageText {
  title: string;
  titleAll: string;
  question: (recipient: string, ref: string | null) => string;
  questionAll: (recipient: string) => string;
  button: string;
  buttonAll: string;
  done: (ref: string | null) => string;
  doneAll: (recipient: string) => string;
  back: string;
}

export const stopPageText: Record<'nb' | 'nn' | 'en', StopPageText> = {
  nb: {
    title: 'Stopp varsler',
    titleAll: 'Meld deg av all e-post',
    question: (to, ref) => `Vil du stoppe varsler til ${to}${ref ? ` om meldingen ${ref}` : ''}?`,
    questionAll: (to) => `Vil du at ${to} ikke skal få flere e-poster fra tjenesten, om noen melding?`,
    button: 'Stopp varsler',
    buttonAll: 'Meld av all e-post',
    done: (ref) => `Du får ikke flere varsler${ref ? ` om meldingen ${ref}` : ''}.`,
    doneAll: (to) => `${to} får ikke flere e-poster fra tjenesten.`,
    back: 'Se meldingen',
  },
  nn: {
    title: 'Stopp varsel',
    titleAll: 'Meld deg av all e-post',
    question: (to, ref) => `Vil du stoppe varsel til ${to}${ref ? ` om meldinga ${ref}` : ''}?`,
    questionAll: (to) => `Vil du at ${to} ikkje skal få fleire e-postar frå tenesta, om nokon melding?`,
    button: 'Stopp varsel',
    buttonAll: 'Meld av all e-post',
    done: (ref) => `Du får ikkje fleire varsel${ref ? ` om meldinga ${ref}` : ''}.`,
    doneAll: (to) => `${to} får ikkje fleire e-postar frå tenesta.`,
    back: 'Sjå meldinga',
  },
  en: {
    title: 'Stop updates',
    titleAll: 'Unsubscribe from all email',
    question: (to, ref) => `Stop sending updates to ${to}${ref ? ` about report ${ref}` : ''}?`,
    questionAll: (to) => `Stop sending any email from this service to ${to}, about any report?`,
    button: 'Stop updates',
    buttonAll: 'Unsubscribe from all email',
    done: (ref) => `You will get no more updates${ref ? ` about report ${ref}` : ''}.`,
    doneAll: (to) => `${to} will get no more email from this service.`,
    back: 'See the report',
  },
};
