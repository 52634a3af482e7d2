// What reporters and staff read about reports linked to a notice, in bokmål, nynorsk and English:
// the automatic public reply that points a new report to the notice explaining it, and the
// messages of the bulk close.
import type { Message } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';

/** The public reply a report gets when it is linked to a notice at intake. */
export function linkedReplyText(language: Language, notice: { title: string; url: string }): string {
  switch (language) {
    case 'nn':
      return `Takk for meldinga. Vi kjenner til dette: det har samanheng med driftsmeldinga «${notice.title}». Les meir og følg med her: ${notice.url}`;
    case 'en':
      return `Thank you for your report. We know about this: it is related to the notice "${notice.title}". Read more and follow it here: ${notice.url}`;
    default:
      return `Takk for meldingen. Vi kjenner til dette: det har sammenheng med driftsmeldingen «${notice.title}». Les mer og følg med her: ${notice.url}`;
  }
}

export const linkedReportMessages = {
  notEnded: (): Message => ({
    nb: 'Meldingene kan lukkes samlet først når driftsmeldingen er avsluttet.',
    nn: 'Meldingane kan lukkast samla først når driftsmeldinga er avslutta.',
    en: 'The linked reports can be closed together only after the notice has ended.',
  }),
  blankReply: (): Message => ({
    nb: 'Skriv svaret som skal sendes til dem som meldte.',
    nn: 'Skriv svaret som skal sendast til dei som melde.',
    en: 'Write the reply to send to the reporters.',
  }),
};
