// Messages about input the server will not take as it is: control characters, fields that are
// too long, and photos when too many are being processed at once. In nb, nn and en.
import type { Message } from '../shared/errors.ts';

export const inputMessages = {
  controlCharacters: (): Message => ({
    nb: 'Teksten inneholder usynlige kontrolltegn (for eksempel fra kopiert tekst) som ikke kan tas imot.',
    nn: 'Teksten inneheld usynlege kontrollteikn (til dømes frå kopiert tekst) som ikkje kan takast imot.',
    en: 'The text contains invisible control characters (from copied text, for example) that cannot be accepted.',
  }),
  controlCharactersRemoved: (): Message => ({
    nb: 'Teksten inneholdt usynlige kontrolltegn. Vi har fjernet dem; se over teksten før du sender.',
    nn: 'Teksten inneheldt usynlege kontrollteikn. Vi har fjerna dei; sjå over teksten før du sender.',
    en: 'The text contained invisible control characters. We removed them; please check the text before sending.',
  }),
  fieldTooLong: (max: number): Message => ({
    nb: `Teksten er for lang (høyst ${max} tegn). Vi har beholdt de første ${max} tegnene.`,
    nn: `Teksten er for lang (høgst ${max} teikn). Vi har halde på dei første ${max} teikna.`,
    en: `The text is too long (at most ${max} characters). We kept the first ${max} characters.`,
  }),
  photosBusy: (seconds: number): Message => ({
    nb: `Akkurat nå behandles det mange bilder. Prøv igjen om ${seconds} sekunder; det du har skrevet, er ikke sendt ennå.`,
    nn: `Akkurat no blir det behandla mange bilete. Prøv igjen om ${seconds} sekund; det du har skrive, er ikkje sendt enno.`,
    en: `Many photos are being processed right now. Please try again in ${seconds} seconds; what you wrote has not been sent yet.`,
  }),
};
