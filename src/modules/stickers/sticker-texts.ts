// What a sticker says under the municipality's name, in bokmål and nynorsk (stickers hang outdoors
// for years and are read by everyone, so both written standards are on every one). The noun in its
// definite form cannot be derived from an asset type's name, so the seeded type codes have their
// own sentence; any other type a municipality adds gets the general one.

interface StickerInstruction {
  nb: string;
  nn: string;
}

const GENERAL: StickerInstruction = {
  nb: 'Skann for å melde feil her',
  nn: 'Skann for å melde frå om feil her',
};

const BY_TYPE_CODE: Record<string, StickerInstruction> = {
  hydrant: {
    nb: 'Skann for å melde feil på denne brannhydranten',
    nn: 'Skann for å melde frå om feil på denne brannhydranten',
  },
  kum: { nb: 'Skann for å melde feil på denne kummen', nn: 'Skann for å melde frå om feil på denne kummen' },
  pumpestasjon: {
    nb: 'Skann for å melde feil på denne pumpestasjonen',
    nn: 'Skann for å melde frå om feil på denne pumpestasjonen',
  },
  hoydebasseng: {
    nb: 'Skann for å melde feil på dette høydebassenget',
    nn: 'Skann for å melde frå om feil på dette høgdebassenget',
  },
  ventil: {
    nb: 'Skann for å melde feil på denne ventilen',
    nn: 'Skann for å melde frå om feil på denne ventilen',
  },
  tappepost: {
    nb: 'Skann for å melde feil på denne tappeposten',
    nn: 'Skann for å melde frå om feil på denne tappeposten',
  },
};

export function stickerInstruction(typeCode: string): StickerInstruction {
  return Object.hasOwn(BY_TYPE_CODE, typeCode) ? (BY_TYPE_CODE[typeCode] ?? GENERAL) : GENERAL;
}
