// What an administrator reads when a sticker sheet cannot be made, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const stickerMessages = {
  tooMany: (found: number, max: number): Message => ({
    nb: `Utvalget gir ${found} klistremerker; høyst ${max} kan skrives ut om gangen. Velg et mindre område eller en type.`,
    nn: `Utvalet gir ${found} klistremerke; høgst ${max} kan skrivast ut om gongen. Vel eit mindre område eller ein type.`,
    en: `The selection gives ${found} stickers; at most ${max} can be printed at a time. Choose a smaller area or a type.`,
  }),
  noneSelected: (): Message => ({
    nb: 'Ingen anlegg passer med utvalget.',
    nn: 'Ingen anlegg passar med utvalet.',
    en: 'No assets match the selection.',
  }),
  selectionMissing: (): Message => ({
    nb: 'Velg anlegg, en type eller et område.',
    nn: 'Vel anlegg, ein type eller eit område.',
    en: 'Choose assets, a type or an area.',
  }),
  unknownType: (code: string): Message => ({
    nb: `Kommunen har ingen anleggstype «${code}».`,
    nn: `Kommunen har ingen anleggstype «${code}».`,
    en: `The municipality has no asset type "${code}".`,
  }),
  badArea: (why: string): Message => ({
    nb: `Området kan ikke brukes: ${why}`,
    nn: `Området kan ikkje brukast: ${why}`,
    en: `The area cannot be used: ${why}`,
  }),
  unknownAssets: (count: number): Message => ({
    nb: `${count} av de valgte anleggene finnes ikke i denne kommunen.`,
    nn: `${count} av dei valde anlegga finst ikkje i denne kommunen.`,
    en: `${count} of the chosen assets do not exist in this municipality.`,
  }),
};
