// The built-in wording of every message, in bokmål, nynorsk and English. A municipality may
// override any of them (message_templates: kind × channel × language) with the same placeholders:
// {municipality} {ref} {category} {status} {message} {link} {forwardedTo} {forwardedToEmail}
// {mergedIntoRef} {mergedIntoLink}, and in the follower's confirmation {confirmLink} (email) or
// {code} (SMS), which its wording must keep. The stop link is always added by the renderer, so no
// template can leave it out; so is the "is it fixed?" link in the reporter's done message and
// in the reminder. SMS texts stay within GSM-7 (æøå are in it; dashes and curly quotes
// are not) and short: one link, no reply text.
import type { Language } from '../../shared/language.ts';
import type { MessageChannel } from './schema.ts';

export const MESSAGE_KINDS = [
  'receipt',
  'status_changed',
  'public_reply',
  'merged',
  'merged_into',
  'forwarded',
  'done',
  // The report was reopened because its reporter said it is not fixed (to followers).
  'reopened',
  // The one reminder of an unanswered "is it really fixed?" question (to the reporter).
  'fix_reminder',
  // "Is it you who wants to follow this report?": the link or code a new follower confirms with.
  'follow_confirm',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface Template {
  /** Email only. */
  subject: string | null;
  body: string;
}

type Defaults = Record<MessageKind, Record<MessageChannel, Template>>;

const nb: Defaults = {
  receipt: {
    email: {
      subject: 'Vi har mottatt meldingen din {ref}',
      body: 'Takk for at du meldte fra om {category}. Referansen er {ref}.\n\nDu får beskjed når noe skjer med saken. Du kan også følge den her: {link}',
    },
    sms: { subject: null, body: '{municipality}: Takk! Meldingen din har referanse {ref}. Følg den: {link}' },
  },
  status_changed: {
    email: {
      subject: 'Ny status for meldingen din {ref}: {status}',
      body: 'Meldingen din {ref} ({category}) har fått ny status: {status}.\n\n{message}\n\nSe saken: {link}',
    },
    sms: { subject: null, body: '{municipality}: Meldingen {ref} har fått status {status}. {link}' },
  },
  public_reply: {
    email: {
      subject: 'Svar på meldingen din {ref}',
      body: '{municipality} har svart på meldingen din {ref} ({category}):\n\n{message}\n\nSe saken: {link}',
    },
    sms: { subject: null, body: '{municipality} har svart på meldingen din {ref}. Les svaret: {link}' },
  },
  merged: {
    email: {
      subject: 'Flere har meldt fra om det samme som {ref}',
      body: 'Vi har fått flere meldinger om det samme som meldingen din {ref}, og slått dem sammen med den.\n\nSe saken: {link}',
    },
    sms: { subject: null, body: '{municipality}: Flere har meldt det samme som {ref}. {link}' },
  },
  merged_into: {
    email: {
      subject: 'Meldingen din {ref} er slått sammen med {mergedIntoRef}',
      body: 'Meldingen din {ref} gjelder det samme som {mergedIntoRef}, så vi har slått dem sammen. Fra nå av får du beskjed om det som skjer med {mergedIntoRef}.\n\nSe saken: {mergedIntoLink}',
    },
    sms: {
      subject: null,
      body: '{municipality}: Meldingen {ref} er slått sammen med {mergedIntoRef}. Du får varsler om den: {mergedIntoLink}',
    },
  },
  forwarded: {
    email: {
      subject: 'Meldingen din {ref} er sendt videre til {forwardedTo}',
      body: 'Meldingen din {ref} ({category}) gjelder noe {municipality} ikke har ansvaret for. Vi har sendt den videre til {forwardedTo}, som følger den opp.\n\n{forwardedContact}\n\n{message}\n\nSe saken: {link}',
    },
    sms: { subject: null, body: '{municipality}: Meldingen {ref} er sendt videre til {forwardedTo}. {link}' },
  },
  done: {
    email: {
      subject: 'Arbeidet er utført: {ref}',
      body: 'Arbeidet med meldingen din {ref} ({category}) er utført.\n\n{message}\n\nTakk for at du sa fra! Se saken: {link}',
    },
    sms: {
      subject: null,
      body: '{municipality}: Arbeidet med meldingen {ref} er utført. Takk for at du sa fra! {link}',
    },
  },
  reopened: {
    email: {
      subject: 'Meldingen {ref} er åpnet igjen',
      body: 'Den som meldte fra om {ref} ({category}), sier at det ikke er fikset. Saken er åpnet igjen, og {municipality} ser på den på nytt.\n\nSe saken: {link}',
    },
    sms: {
      subject: null,
      body: '{municipality}: Meldingen {ref} er åpnet igjen, det er ikke fikset. {link}',
    },
  },
  fix_reminder: {
    email: {
      subject: 'Er det fikset? {ref}',
      body: 'For en stund siden meldte vi at arbeidet med meldingen din {ref} ({category}) var utført. Vi vil gjerne vite om det faktisk er fikset. Det tar bare et øyeblikk å svare.',
    },
    sms: { subject: null, body: '{municipality}: Er meldingen {ref} faktisk fikset?' },
  },
  follow_confirm: {
    email: {
      subject: 'Bekreft at du vil følge meldingen {ref}',
      body: 'Noen, forhåpentlig du, ba om å få beskjed når noe skjer med meldingen {ref} ({category}) hos {municipality}.\n\nBekreft at du vil følge den: {confirmLink}\n\nLenken virker i 24 timer. Har du ikke bedt om dette, kan du se bort fra e-posten. Da får du ingen flere meldinger om saken.',
    },
    sms: {
      subject: null,
      body: '{municipality}: Koden din er {code}. Skriv den inn for å følge meldingen {ref}. Har du ikke bedt om dette, se bort fra meldingen.',
    },
  },
};

const nn: Defaults = {
  receipt: {
    email: {
      subject: 'Vi har motteke meldinga di {ref}',
      body: 'Takk for at du melde frå om {category}. Referansen er {ref}.\n\nDu får beskjed når noko skjer med saka. Du kan òg følgje ho her: {link}',
    },
    sms: { subject: null, body: '{municipality}: Takk! Meldinga di har referanse {ref}. Følg ho: {link}' },
  },
  status_changed: {
    email: {
      subject: 'Ny status for meldinga di {ref}: {status}',
      body: 'Meldinga di {ref} ({category}) har fått ny status: {status}.\n\n{message}\n\nSjå saka: {link}',
    },
    sms: { subject: null, body: '{municipality}: Meldinga {ref} har fått status {status}. {link}' },
  },
  public_reply: {
    email: {
      subject: 'Svar på meldinga di {ref}',
      body: '{municipality} har svart på meldinga di {ref} ({category}):\n\n{message}\n\nSjå saka: {link}',
    },
    sms: { subject: null, body: '{municipality} har svart på meldinga di {ref}. Les svaret: {link}' },
  },
  merged: {
    email: {
      subject: 'Fleire har meldt frå om det same som {ref}',
      body: 'Vi har fått fleire meldingar om det same som meldinga di {ref}, og slått dei saman med ho.\n\nSjå saka: {link}',
    },
    sms: { subject: null, body: '{municipality}: Fleire har meldt det same som {ref}. {link}' },
  },
  merged_into: {
    email: {
      subject: 'Meldinga di {ref} er slått saman med {mergedIntoRef}',
      body: 'Meldinga di {ref} gjeld det same som {mergedIntoRef}, så vi har slått dei saman. Frå no av får du beskjed om det som skjer med {mergedIntoRef}.\n\nSjå saka: {mergedIntoLink}',
    },
    sms: {
      subject: null,
      body: '{municipality}: Meldinga {ref} er slått saman med {mergedIntoRef}. Du får varsel om ho: {mergedIntoLink}',
    },
  },
  forwarded: {
    email: {
      subject: 'Meldinga di {ref} er send vidare til {forwardedTo}',
      body: 'Meldinga di {ref} ({category}) gjeld noko {municipality} ikkje har ansvaret for. Vi har sendt ho vidare til {forwardedTo}, som følgjer ho opp.\n\n{forwardedContact}\n\n{message}\n\nSjå saka: {link}',
    },
    sms: { subject: null, body: '{municipality}: Meldinga {ref} er send vidare til {forwardedTo}. {link}' },
  },
  done: {
    email: {
      subject: 'Arbeidet er utført: {ref}',
      body: 'Arbeidet med meldinga di {ref} ({category}) er utført.\n\n{message}\n\nTakk for at du sa frå! Sjå saka: {link}',
    },
    sms: {
      subject: null,
      body: '{municipality}: Arbeidet med meldinga {ref} er utført. Takk for at du sa frå! {link}',
    },
  },
  reopened: {
    email: {
      subject: 'Meldinga {ref} er opna igjen',
      body: 'Den som melde frå om {ref} ({category}), seier at det ikkje er fiksa. Saka er opna igjen, og {municipality} ser på ho på nytt.\n\nSjå saka: {link}',
    },
    sms: { subject: null, body: '{municipality}: Meldinga {ref} er opna igjen, det er ikkje fiksa. {link}' },
  },
  fix_reminder: {
    email: {
      subject: 'Er det fiksa? {ref}',
      body: 'For ei stund sidan melde vi at arbeidet med meldinga di {ref} ({category}) var utført. Vi vil gjerne vite om det faktisk er fiksa. Det tek berre eit augeblikk å svare.',
    },
    sms: { subject: null, body: '{municipality}: Er meldinga {ref} faktisk fiksa?' },
  },
  follow_confirm: {
    email: {
      subject: 'Stadfest at du vil følgje meldinga {ref}',
      body: 'Nokon, forhåpentleg du, bad om å få beskjed når noko skjer med meldinga {ref} ({category}) hos {municipality}.\n\nStadfest at du vil følgje ho: {confirmLink}\n\nLenkja verkar i 24 timar. Har du ikkje bede om dette, kan du sjå bort frå e-posten. Då får du ingen fleire meldingar om saka.',
    },
    sms: {
      subject: null,
      body: '{municipality}: Koden din er {code}. Skriv han inn for å følgje meldinga {ref}. Har du ikkje bede om dette, sjå bort frå meldinga.',
    },
  },
};

const en: Defaults = {
  receipt: {
    email: {
      subject: 'We have received your report {ref}',
      body: 'Thank you for reporting {category}. Your reference is {ref}.\n\nWe will let you know when something happens. You can also follow it here: {link}',
    },
    sms: {
      subject: null,
      body: '{municipality}: Thank you! Your report has reference {ref}. Follow it: {link}',
    },
  },
  status_changed: {
    email: {
      subject: 'New status for your report {ref}: {status}',
      body: 'Your report {ref} ({category}) has a new status: {status}.\n\n{message}\n\nSee the report: {link}',
    },
    sms: { subject: null, body: '{municipality}: Report {ref} is now: {status}. {link}' },
  },
  public_reply: {
    email: {
      subject: 'Reply to your report {ref}',
      body: '{municipality} has replied to your report {ref} ({category}):\n\n{message}\n\nSee the report: {link}',
    },
    sms: { subject: null, body: '{municipality} has replied to your report {ref}. Read it: {link}' },
  },
  merged: {
    email: {
      subject: 'Others have reported the same as {ref}',
      body: 'We have received more reports about the same thing as your report {ref}, and merged them into it.\n\nSee the report: {link}',
    },
    sms: { subject: null, body: '{municipality}: Others reported the same as {ref}. {link}' },
  },
  merged_into: {
    email: {
      subject: 'Your report {ref} has been merged with {mergedIntoRef}',
      body: 'Your report {ref} is about the same thing as {mergedIntoRef}, so we have merged them. From now on you will hear about what happens to {mergedIntoRef}.\n\nSee the report: {mergedIntoLink}',
    },
    sms: {
      subject: null,
      body: '{municipality}: Report {ref} was merged with {mergedIntoRef}. You will get its updates: {mergedIntoLink}',
    },
  },
  forwarded: {
    email: {
      subject: 'Your report {ref} has been forwarded to {forwardedTo}',
      body: 'Your report {ref} ({category}) is about something {municipality} is not responsible for. We have forwarded it to {forwardedTo}, who will follow it up.\n\n{forwardedContact}\n\n{message}\n\nSee the report: {link}',
    },
    sms: { subject: null, body: '{municipality}: Report {ref} was forwarded to {forwardedTo}. {link}' },
  },
  done: {
    email: {
      subject: 'Work done: {ref}',
      body: 'The work on your report {ref} ({category}) is done.\n\n{message}\n\nThank you for letting us know! See the report: {link}',
    },
    sms: { subject: null, body: '{municipality}: The work on report {ref} is done. Thank you! {link}' },
  },
  reopened: {
    email: {
      subject: 'Report {ref} has been reopened',
      body: 'The person who reported {ref} ({category}) says it is not fixed. The report has been reopened, and {municipality} is looking at it again.\n\nSee the report: {link}',
    },
    sms: { subject: null, body: '{municipality}: Report {ref} was reopened, it is not fixed. {link}' },
  },
  fix_reminder: {
    email: {
      subject: 'Is it fixed? {ref}',
      body: 'A while ago we told you the work on your report {ref} ({category}) was done. We would like to know whether it really is fixed. Answering takes a moment.',
    },
    sms: { subject: null, body: '{municipality}: Is report {ref} really fixed?' },
  },
  follow_confirm: {
    email: {
      subject: 'Confirm that you want to follow report {ref}',
      body: 'Someone, hopefully you, asked to hear when something happens to report {ref} ({category}) in {municipality}.\n\nConfirm that you want to follow it: {confirmLink}\n\nThe link works for 24 hours. If you did not ask for this, ignore this email and you will get no more messages about it.',
    },
    sms: {
      subject: null,
      body: '{municipality}: Your code is {code}. Type it in to follow report {ref}. If you did not ask for this, ignore this message.',
    },
  },
};

export const DEFAULT_TEMPLATES: Record<Language, Defaults> = { nb, nn, en };

/** Words the renderer adds around every template: the stop and unsubscribe links. */
export const FOOTER: Record<
  Language,
  {
    stop: string;
    stopSms: string;
    unsubscribe: string;
    forwardedContact: (email: string) => string;
    why: string;
    /** Before the "is it fixed?" link. */
    fixCheck: string;
  }
> = {
  nb: {
    stop: 'Stopp varsler om denne meldingen',
    stopSms: 'Stopp varsler',
    unsubscribe: 'Meld deg av all e-post fra tjenesten',
    forwardedContact: (email) => `Du når dem på e-post: ${email}`,
    why: 'Du får denne e-posten fordi du meldte fra om, eller følger, denne saken.',
    fixCheck: 'Er det fikset? Svar her',
  },
  nn: {
    stop: 'Stopp varsel om denne meldinga',
    stopSms: 'Stopp varsel',
    unsubscribe: 'Meld deg av all e-post frå tenesta',
    forwardedContact: (email) => `Du når dei på e-post: ${email}`,
    why: 'Du får denne e-posten fordi du melde frå om, eller følgjer, denne saka.',
    fixCheck: 'Er det fiksa? Svar her',
  },
  en: {
    stop: 'Stop updates about this report',
    stopSms: 'Stop updates',
    unsubscribe: 'Unsubscribe from all email from this service',
    forwardedContact: (email) => `You can reach them by email: ${email}`,
    why: 'You get this email because you reported, or follow, this issue.',
    fixCheck: 'Is it fixed? Answer here',
  },
};
