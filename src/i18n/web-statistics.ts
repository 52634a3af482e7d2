// Texts of the public statistics page (/{slug}/statistikk) and its CSV file, in nb, nn and en.
// Kept apart from the main web catalogues so the page's words stay together.
import type { Language } from '../shared/language.ts';

const nb = {
  link: 'Statistikk: slik følger vi opp meldingene',
  footer: 'Statistikk',
  title: 'Slik følger vi opp meldingene',
  intro: (name: string) =>
    `Meldinger til ${name} kommune de siste 12 månedene, per måned og tema: hvor mange som kom inn, hvor fort vi svarte og fikk gjort arbeidet, og hvor mange som ble utført innen fristen. Ingen personopplysninger er med.`,
  all: 'Alle tema',
  month: 'Måned',
  received: 'Meldinger',
  firstReply: 'Median tid til første svar',
  done: 'Median tid til utført',
  withinDeadline: 'Utført innen fristen',
  none: '–',
  hours: (value: string) => `${value} timer`,
  days: (value: string) => `${value} døgn`,
  chartLabel: (group: string, total: number, months: number) =>
    `Stolpediagram over meldinger per måned, ${group}: ${total} meldinger på ${months} måneder. Tabellen viser de samme tallene.`,
  tableCaption: (group: string) => `Tall per måned, ${group}`,
  csv: 'Last ned tallene som CSV (for Excel)',
  aboutTitle: 'Slik regner vi',
  about: [
    'En melding telles i måneden den kom inn, etter norsk tid. Måneden vi er i, er ikke ferdig.',
    'Median tid betyr at halvparten av meldingene gikk fortere og halvparten saktere. Første svar er det første offentlige svaret på meldingen. Utført er når arbeidet først ble meldt gjort.',
    'Utført innen fristen: Mange typer meldinger har en frist. Av meldingene med frist som er utført eller har passert fristen uten å være utført, er dette andelen som ble utført før fristen. Meldinger som ble avsluttet uten arbeid, og meldinger som ennå ikke har nådd fristen, telles ikke.',
    '– betyr at det ikke finnes tall for den måneden.',
  ],
  csvHeader: [
    'Tema',
    'Måned',
    'Meldinger',
    'Median timer til første svar',
    'Median timer til utført',
    'Andel utført innen fristen',
  ],
};

type StatisticsCatalog = typeof nb;

const nn: StatisticsCatalog = {
  link: 'Statistikk: slik følgjer vi opp meldingane',
  footer: 'Statistikk',
  title: 'Slik følgjer vi opp meldingane',
  intro: (name: string) =>
    `Meldingar til ${name} kommune dei siste 12 månadene, per månad og tema: kor mange som kom inn, kor fort vi svarte og fekk gjort arbeidet, og kor mange som vart utførte innan fristen. Ingen personopplysningar er med.`,
  all: 'Alle tema',
  month: 'Månad',
  received: 'Meldingar',
  firstReply: 'Median tid til første svar',
  done: 'Median tid til utført',
  withinDeadline: 'Utført innan fristen',
  none: '–',
  hours: (value: string) => `${value} timar`,
  days: (value: string) => `${value} døgn`,
  chartLabel: (group: string, total: number, months: number) =>
    `Stolpediagram over meldingar per månad, ${group}: ${total} meldingar på ${months} månader. Tabellen viser dei same tala.`,
  tableCaption: (group: string) => `Tal per månad, ${group}`,
  csv: 'Last ned tala som CSV (for Excel)',
  aboutTitle: 'Slik reknar vi',
  about: [
    'Ei melding vert talt i månaden ho kom inn, etter norsk tid. Månaden vi er i, er ikkje ferdig.',
    'Median tid tyder at halvparten av meldingane gjekk fortare og halvparten seinare. Første svar er det første offentlege svaret på meldinga. Utført er når arbeidet først vart meldt gjort.',
    'Utført innan fristen: Mange typar meldingar har ein frist. Av meldingane med frist som er utførte eller har passert fristen utan å vere utførte, er dette delen som vart utført før fristen. Meldingar som vart avslutta utan arbeid, og meldingar som enno ikkje har nådd fristen, vert ikkje talde.',
    '– tyder at det ikkje finst tal for den månaden.',
  ],
  csvHeader: [
    'Tema',
    'Månad',
    'Meldingar',
    'Median timar til første svar',
    'Median timar til utført',
    'Del utført innan fristen',
  ],
};

const en: StatisticsCatalog = {
  link: 'Statistics: how we follow up reports',
  footer: 'Statistics',
  title: 'How we follow up reports',
  intro: (name: string) =>
    `Reports to ${name} municipality over the last 12 months, by month and topic: how many came in, how fast we replied and got the work done, and how many were done within the deadline. No personal data is included.`,
  all: 'All topics',
  month: 'Month',
  received: 'Reports',
  firstReply: 'Median time to first reply',
  done: 'Median time to done',
  withinDeadline: 'Done within the deadline',
  none: '–',
  hours: (value: string) => `${value} hours`,
  days: (value: string) => `${value} days`,
  chartLabel: (group: string, total: number, months: number) =>
    `Bar chart of reports per month, ${group}: ${total} reports in ${months} months. The table shows the same figures.`,
  tableCaption: (group: string) => `Figures per month, ${group}`,
  csv: 'Download the figures as CSV (for Excel)',
  aboutTitle: 'How we count',
  about: [
    'A report counts in the month it came in, in Norwegian time. The current month is not over yet.',
    'Median time means half the reports went faster and half slower. The first reply is the first public reply to the report. Done is when the work was first marked done.',
    'Done within the deadline: many kinds of report have a deadline. Of the reports with a deadline that are done, or open past it, this is the share done before it. Reports closed without work, and reports whose deadline has not yet come, are not counted.',
    '– means there is no figure for that month.',
  ],
  csvHeader: [
    'Topic',
    'Month',
    'Reports',
    'Median hours to first reply',
    'Median hours to done',
    'Share done within the deadline',
  ],
};

const catalogs: Record<Language, StatisticsCatalog> = { nb, nn, en };

export function statisticsText(language: Language): StatisticsCatalog {
  return catalogs[language];
}
