// What an administrator reads when a message template is refused, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const messageTemplateMessages = {
  invalid: (): Message => ({
    nb: 'Malen kan ikke lagres. Se detaljene.',
    nn: 'Malen kan ikkje lagrast. Sjå detaljane.',
    en: 'The template cannot be saved. See the details.',
  }),
  unknownPlaceholder: (name: string, allowed: string[]): Message => {
    const list = allowed.map((p) => `{${p}}`).join(' ');
    return {
      nb: `{${name}} kan ikke brukes i denne meldingen. Disse kan brukes: ${list}`,
      nn: `{${name}} kan ikkje brukast i denne meldinga. Desse kan brukast: ${list}`,
      en: `{${name}} cannot be used in this message. These can: ${list}`,
    };
  },
  missingPlaceholder: (name: string): Message => ({
    nb: `Teksten må ha med {${name}}: uten den kan mottakeren ikke bekrefte.`,
    nn: `Teksten må ha med {${name}}: utan han kan mottakaren ikkje stadfeste.`,
    en: `The text must keep {${name}}: without it the recipient cannot confirm.`,
  }),
  smsTooLong: (length: number, limit: number): Message => ({
    nb: `SMS-en blir ${length} tegn med eksempelverdier og stopplenken, over grensen på ${limit} (to SMS-er). Gjør teksten kortere.`,
    nn: `SMS-en blir ${length} teikn med eksempelverdiar og stopplenkja, over grensa på ${limit} (to SMS-ar). Gjer teksten kortare.`,
    en: `The SMS comes to ${length} characters with sample values and the stop link, over the limit of ${limit} (two text messages). Make it shorter.`,
  }),
  smsNotGsm: (): Message => ({
    nb: 'SMS-en har tegn utenfor GSM-alfabetet (for eksempel emoji), så bare 67 tegn får plass per SMS.',
    nn: 'SMS-en har teikn utanfor GSM-alfabetet (til dømes emoji), så berre 67 teikn får plass per SMS.',
    en: 'The SMS has characters outside the GSM alphabet (emoji, for example), so only 67 characters fit per text message.',
  }),
  subjectTooLong: (): Message => ({
    nb: 'Emnet kan ha høyst 200 tegn.',
    nn: 'Emnet kan ha høgst 200 teikn.',
    en: 'The subject can have at most 200 characters.',
  }),
};
