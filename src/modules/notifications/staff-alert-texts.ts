// The words of staff emails in bokmål, nynorsk and English: new report, acute report, deadline
// soon, overdue, the morning digest. They name the report, its category, address and team, and
// link to the case in the back office; never anything about the person who reported it.
import type { Language } from '../../shared/language.ts';

export interface StaffReportLine {
  ref: string;
  category: string;
  address: string | null;
  team: string;
  acute: boolean;
  link: string;
}

interface StaffAlertText {
  newReport: (r: StaffReportLine) => { subject: string; body: string[] };
  acute: (r: StaffReportLine) => { subject: string; body: string[] };
  dueSoon: (r: StaffReportLine, due: string) => { subject: string; body: string[] };
  overdue: (r: StaffReportLine, due: string, status: string) => { subject: string; body: string[] };
  digest: (count: number, day: string, municipality: string) => { subject: string; intro: string };
  acuteMark: string;
  noAddress: string;
  footer: (municipality: string, settingsLink: string) => string;
}

const where = (r: StaffReportLine, none: string) => r.address ?? none;

export const STAFF_ALERT_TEXT: Record<Language, StaffAlertText> = {
  nb: {
    newReport: (r) => ({
      subject: `Ny melding ${r.ref}: ${r.category}`,
      body: [
        `Det har kommet en ny melding til ${r.team}: ${r.ref}, ${r.category}, ${where(r, 'uten adresse')}.`,
        `Åpne saken: ${r.link}`,
      ],
    }),
    acute: (r) => ({
      subject: `AKUTT: ${r.ref} ${r.category}`,
      body: [
        `En akutt melding har kommet til ${r.team}: ${r.ref}, ${r.category}, ${where(r, 'uten adresse')}.`,
        `Åpne saken nå: ${r.link}`,
      ],
    }),
    dueSoon: (r, due) => ({
      subject: `Frist nærmer seg: ${r.ref} (${r.category})`,
      body: [
        `Fristen for ${r.ref} (${r.category}, ${where(r, 'uten adresse')}) går ut ${due}. Teamet er ${r.team}.`,
        `Åpne saken: ${r.link}`,
      ],
    }),
    overdue: (r, due, status) => ({
      subject: `Over fristen: ${r.ref} (${r.category})`,
      body: [
        `Fristen for ${r.ref} (${r.category}, ${where(r, 'uten adresse')}) gikk ut ${due}. Status er fortsatt «${status}». Teamet er ${r.team}.`,
        `Åpne saken: ${r.link}`,
      ],
    }),
    digest: (count, day, municipality) => ({
      subject: `${count === 1 ? '1 ny melding' : `${count} nye meldinger`} ${day} – ${municipality}`,
      intro: `Dette kom inn til teamene dine i ${municipality} ${day}:`,
    }),
    acuteMark: 'AKUTT',
    noAddress: 'uten adresse',
    footer: (municipality, link) =>
      `Du får denne e-posten fordi du er med i et team i ${municipality}. Du velger selv hvilke varsler du får, under Varsler i saksbehandlingen: ${link}`,
  },
  nn: {
    newReport: (r) => ({
      subject: `Ny melding ${r.ref}: ${r.category}`,
      body: [
        `Det har kome ei ny melding til ${r.team}: ${r.ref}, ${r.category}, ${where(r, 'utan adresse')}.`,
        `Opne saka: ${r.link}`,
      ],
    }),
    acute: (r) => ({
      subject: `AKUTT: ${r.ref} ${r.category}`,
      body: [
        `Ei akutt melding har kome til ${r.team}: ${r.ref}, ${r.category}, ${where(r, 'utan adresse')}.`,
        `Opne saka no: ${r.link}`,
      ],
    }),
    dueSoon: (r, due) => ({
      subject: `Fristen nærmar seg: ${r.ref} (${r.category})`,
      body: [
        `Fristen for ${r.ref} (${r.category}, ${where(r, 'utan adresse')}) går ut ${due}. Teamet er ${r.team}.`,
        `Opne saka: ${r.link}`,
      ],
    }),
    overdue: (r, due, status) => ({
      subject: `Over fristen: ${r.ref} (${r.category})`,
      body: [
        `Fristen for ${r.ref} (${r.category}, ${where(r, 'utan adresse')}) gjekk ut ${due}. Status er framleis «${status}». Teamet er ${r.team}.`,
        `Opne saka: ${r.link}`,
      ],
    }),
    digest: (count, day, municipality) => ({
      subject: `${count === 1 ? '1 ny melding' : `${count} nye meldingar`} ${day} – ${municipality}`,
      intro: `Dette kom inn til teama dine i ${municipality} ${day}:`,
    }),
    acuteMark: 'AKUTT',
    noAddress: 'utan adresse',
    footer: (municipality, link) =>
      `Du får denne e-posten fordi du er med i eit team i ${municipality}. Du vel sjølv kva varsel du får, under Varsel i saksbehandlinga: ${link}`,
  },
  en: {
    newReport: (r) => ({
      subject: `New report ${r.ref}: ${r.category}`,
      body: [
        `A new report has come in for ${r.team}: ${r.ref}, ${r.category}, ${where(r, 'no address')}.`,
        `Open the case: ${r.link}`,
      ],
    }),
    acute: (r) => ({
      subject: `ACUTE: ${r.ref} ${r.category}`,
      body: [
        `An acute report has come in for ${r.team}: ${r.ref}, ${r.category}, ${where(r, 'no address')}.`,
        `Open the case now: ${r.link}`,
      ],
    }),
    dueSoon: (r, due) => ({
      subject: `Deadline approaching: ${r.ref} (${r.category})`,
      body: [
        `The deadline for ${r.ref} (${r.category}, ${where(r, 'no address')}) is ${due}. The team is ${r.team}.`,
        `Open the case: ${r.link}`,
      ],
    }),
    overdue: (r, due, status) => ({
      subject: `Overdue: ${r.ref} (${r.category})`,
      body: [
        `The deadline for ${r.ref} (${r.category}, ${where(r, 'no address')}) passed ${due}. The status is still "${status}". The team is ${r.team}.`,
        `Open the case: ${r.link}`,
      ],
    }),
    digest: (count, day, municipality) => ({
      subject: `${count === 1 ? '1 new report' : `${count} new reports`} on ${day} – ${municipality}`,
      intro: `This came in for your teams in ${municipality} on ${day}:`,
    }),
    acuteMark: 'ACUTE',
    noAddress: 'no address',
    footer: (municipality, link) =>
      `You get this email because you are in a team in ${municipality}. You choose which alerts you get under Notifications in the back office: ${link}`,
  },
};

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** A time as staff read it: Oslo time, in their language ("12.03.2026, 14:30"). */
export function osloTime(value: Date, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: 'Europe/Oslo',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(value);
}

/** A day as staff read it: "12.03.2026" / "12/03/2026". */
export function osloDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeZone: 'UTC', dateStyle: 'short' }).format(
    new Date(`${day}T12:00:00Z`),
  );
}

/** The calendar date in Oslo, YYYY-MM-DD. */
export function osloDate(value: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(value);
}

export function caseLink(publicUrl: string, kommunenummer: string, reportId: string): string {
  return `${publicUrl}/admin/m/${kommunenummer}/reports/${reportId}`;
}
