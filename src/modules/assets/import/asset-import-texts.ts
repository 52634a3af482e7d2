// What an asset import says about a rejected line, and why a whole file could not be read, in
// the language of whoever started it (the admin's, or the municipality's for the command line).
// Stored as text with the run, so the report reads the same later.
import type { Language } from '../../../shared/language.ts';

export type RejectReason =
  | 'unreadable'
  | 'tooLarge'
  | 'notPoint'
  | 'noCoordinates'
  | 'epsgNeeded'
  | 'noExternalId'
  | 'externalIdTooLong'
  | 'duplicate'
  | 'noType'
  | 'unknownType'
  | 'nameTooLong'
  | 'control'
  | 'outside';

export interface ReasonParams {
  value?: string;
  line?: number;
  known?: string;
  lat?: number;
  lon?: number;
  municipality?: string;
}

type Texts = Record<RejectReason, (p: ReasonParams) => string>;

const nb: Texts = {
  unreadable: () => 'Linjen kan ikke leses (ikke gyldig CSV eller JSON).',
  tooLarge: () => 'Objektet er for stort (over 1 MB).',
  notPoint: (p) => `Geometrien er ikke et punkt (${p.value ?? 'mangler'}).`,
  noCoordinates: () => 'Koordinatene mangler eller er ikke tall.',
  epsgNeeded: () =>
    'Koordinatene er ikke lengde- og breddegrad: oppgi koordinatsystemet (EPSG), for eksempel 25832 for EUREF89 UTM 32.',
  noExternalId: () => 'Id mangler (kolonne id, external_id eller ekstern_id).',
  externalIdTooLong: () => 'Id-en er lengre enn 100 tegn.',
  duplicate: (p) => `Samme id som linje ${p.line ?? '?'}.`,
  noType: () => 'Anleggstype mangler (kolonne type, eller velg en type for hele filen).',
  unknownType: (p) => `Ukjent anleggstype «${p.value ?? ''}» (kjente: ${p.known || 'ingen'}).`,
  nameTooLong: () => 'Navnet er lengre enn 200 tegn.',
  control: () => 'Teksten inneholder kontrolltegn.',
  outside: (p) => `Punktet (${p.lat}, ${p.lon}) ligger utenfor ${p.municipality ?? 'kommunen'}.`,
};

const nn: Texts = {
  unreadable: () => 'Linja kan ikkje lesast (ikkje gyldig CSV eller JSON).',
  tooLarge: () => 'Objektet er for stort (over 1 MB).',
  notPoint: (p) => `Geometrien er ikkje eit punkt (${p.value ?? 'manglar'}).`,
  noCoordinates: () => 'Koordinatane manglar eller er ikkje tal.',
  epsgNeeded: () =>
    'Koordinatane er ikkje lengd- og breiddegrad: oppgi koordinatsystemet (EPSG), til dømes 25832 for EUREF89 UTM 32.',
  noExternalId: () => 'Id manglar (kolonne id, external_id eller ekstern_id).',
  externalIdTooLong: () => 'Id-en er lengre enn 100 teikn.',
  duplicate: (p) => `Same id som linje ${p.line ?? '?'}.`,
  noType: () => 'Anleggstype manglar (kolonne type, eller vel ein type for heile fila).',
  unknownType: (p) => `Ukjend anleggstype «${p.value ?? ''}» (kjende: ${p.known || 'ingen'}).`,
  nameTooLong: () => 'Namnet er lengre enn 200 teikn.',
  control: () => 'Teksten inneheld kontrollteikn.',
  outside: (p) => `Punktet (${p.lat}, ${p.lon}) ligg utanfor ${p.municipality ?? 'kommunen'}.`,
};

const en: Texts = {
  unreadable: () => 'The line cannot be read (not valid CSV or JSON).',
  tooLarge: () => 'The feature is too large (over 1 MB).',
  notPoint: (p) => `The geometry is not a point (${p.value ?? 'missing'}).`,
  noCoordinates: () => 'The coordinates are missing or not numbers.',
  epsgNeeded: () =>
    'The coordinates are not longitude and latitude: give the coordinate system (EPSG), e.g. 25832 for EUREF89 UTM 32.',
  noExternalId: () => 'No id (column id, external_id or ekstern_id).',
  externalIdTooLong: () => 'The id is longer than 100 characters.',
  duplicate: (p) => `The same id as line ${p.line ?? '?'}.`,
  noType: () => 'No asset type (column type, or choose a type for the whole file).',
  unknownType: (p) => `Unknown asset type “${p.value ?? ''}” (known: ${p.known || 'none'}).`,
  nameTooLong: () => 'The name is longer than 200 characters.',
  control: () => 'The text contains control characters.',
  outside: (p) => `The point (${p.lat}, ${p.lon}) is outside ${p.municipality ?? 'the municipality'}.`,
};

const REASONS: Record<Language, Texts> = { nb, nn, en };

export function reasonText(language: Language, reason: RejectReason, params: ReasonParams = {}): string {
  return REASONS[language][reason](params);
}

export type FileProblem = 'notGeoJson' | 'noFeatures' | 'truncated' | 'noCsvHeader' | 'unsupportedCrs';

const FILE_PROBLEMS: Record<Language, Record<FileProblem, (value?: string) => string>> = {
  nb: {
    notGeoJson: () => 'Filen er verken en GeoJSON FeatureCollection eller en CSV-fil med overskriftslinje.',
    noFeatures: () => 'GeoJSON-filen har ingen features-liste.',
    truncated: () => 'Filen slutter midt i GeoJSON-innholdet (avkuttet fil?).',
    noCsvHeader: (v) =>
      `CSV-filen mangler koordinatkolonner (x og y, lon og lat, eller øst og nord). Overskrift: ${v ?? ''}`,
    unsupportedCrs: (v) => `Filens koordinatsystem ${v ?? ''} støttes ikke. Oppgi EPSG-kode.`,
  },
  nn: {
    notGeoJson: () => 'Fila er verken ein GeoJSON FeatureCollection eller ei CSV-fil med overskriftslinje.',
    noFeatures: () => 'GeoJSON-fila har inga features-liste.',
    truncated: () => 'Fila sluttar midt i GeoJSON-innhaldet (avkutta fil?).',
    noCsvHeader: (v) =>
      `CSV-fila manglar koordinatkolonnar (x og y, lon og lat, eller aust og nord). Overskrift: ${v ?? ''}`,
    unsupportedCrs: (v) => `Koordinatsystemet ${v ?? ''} i fila er ikkje støtta. Oppgi EPSG-kode.`,
  },
  en: {
    notGeoJson: () => 'The file is neither a GeoJSON FeatureCollection nor a CSV file with a header line.',
    noFeatures: () => 'The GeoJSON file has no features array.',
    truncated: () => 'The file ends in the middle of the GeoJSON (cut off?).',
    noCsvHeader: (v) =>
      `The CSV file has no coordinate columns (x and y, lon and lat, or east and north). Header: ${v ?? ''}`,
    unsupportedCrs: (v) => `The file’s coordinate system ${v ?? ''} is not supported. Give an EPSG code.`,
  },
};

/** A file that cannot be read at all: the run stops with this message. */
export class AssetFileError extends Error {
  readonly problem: FileProblem;
  readonly value: string | undefined;
  constructor(problem: FileProblem, value?: string) {
    super(problem);
    this.problem = problem;
    this.value = value;
  }
  textIn(language: Language): string {
    return FILE_PROBLEMS[language][this.problem](this.value);
  }
}
