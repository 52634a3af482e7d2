// What staff read when an asset or asset type request cannot be done, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const assetMessages = {
  notFound: (): Message => ({
    nb: 'Fant ikke anlegget.',
    nn: 'Fann ikkje anlegget.',
    en: 'Asset not found.',
  }),
  typeNotFound: (): Message => ({
    nb: 'Fant ikke anleggstypen.',
    nn: 'Fann ikkje anleggstypen.',
    en: 'Asset type not found.',
  }),
  typeCodeTaken: (code: string): Message => ({
    nb: `Kommunen har allerede en anleggstype med koden «${code}».`,
    nn: `Kommunen har allereie ein anleggstype med koden «${code}».`,
    en: `The municipality already has an asset type with the code "${code}".`,
  }),
  unknownCategory: (code: string): Message => ({
    nb: `Kommunen har ingen kategori «${code}».`,
    nn: `Kommunen har ingen kategori «${code}».`,
    en: `The municipality has no category "${code}".`,
  }),
  invalid: (): Message => ({
    nb: 'Anleggstypen kan ikke lagres slik den er fylt ut.',
    nn: 'Anleggstypen kan ikkje lagrast slik han er fylt ut.',
    en: 'The asset type cannot be saved as filled in.',
  }),
};
