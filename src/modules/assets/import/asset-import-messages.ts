// What an administrator or the command line reads when an asset import cannot start.
import type { Message } from '../../../shared/errors.ts';

export const assetImportMessages = {
  running: (): Message => ({
    nb: 'En import av anlegg kjører allerede for denne kommunen. Vent til den er ferdig.',
    nn: 'Ein import av anlegg køyrer alt for denne kommunen. Vent til han er ferdig.',
    en: 'An asset import is already running for this municipality. Wait until it has finished.',
  }),
  unknownType: (code: string, known: string): Message => ({
    nb: `Kommunen har ingen anleggstype «${code}» (kjente: ${known || 'ingen'}).`,
    nn: `Kommunen har ingen anleggstype «${code}» (kjende: ${known || 'ingen'}).`,
    en: `The municipality has no asset type "${code}" (known: ${known || 'none'}).`,
  }),
  unknownEpsg: (epsg: string, supported: string): Message => ({
    nb: `Koordinatsystemet EPSG:${epsg} støttes ikke. Støttet: ${supported}.`,
    nn: `Koordinatsystemet EPSG:${epsg} er ikkje støtta. Støtta: ${supported}.`,
    en: `The coordinate system EPSG:${epsg} is not supported. Supported: ${supported}.`,
  }),
  fileMissing: (): Message => ({
    nb: 'Velg en fil (GeoJSON eller CSV) i feltet «file».',
    nn: 'Vel ei fil (GeoJSON eller CSV) i feltet «file».',
    en: 'Choose a file (GeoJSON or CSV) in the field "file".',
  }),
  uploadUnreadable: (): Message => ({
    nb: 'Opplastingen ble avbrutt eller kunne ikke leses. Prøv igjen.',
    nn: 'Opplastinga vart avbroten eller kunne ikkje lesast. Prøv igjen.',
    en: 'The upload was cut short or could not be read. Try again.',
  }),
  fileEmpty: (): Message => ({
    nb: 'Filen er tom.',
    nn: 'Fila er tom.',
    en: 'The file is empty.',
  }),
  fileTooLarge: (megabytes: number): Message => ({
    nb: `Filen er for stor: høyst ${megabytes} MB kan lastes opp. Større filer kan importeres med npm run import:assets.`,
    nn: `Fila er for stor: høgst ${megabytes} MB kan lastast opp. Større filer kan importerast med npm run import:assets.`,
    en: `The file is too large: at most ${megabytes} MB can be uploaded. Larger files can be imported with npm run import:assets.`,
  }),
  notFound: (): Message => ({
    nb: 'Importen finnes ikke.',
    nn: 'Importen finst ikkje.',
    en: 'The import does not exist.',
  }),
  interrupted: (): Message => ({
    nb: 'Importen ble avbrutt (tjenesten startet på nytt).',
    nn: 'Importen vart avbroten (tenesta starta på nytt).',
    en: 'The import was interrupted (the service restarted).',
  }),
  failed: (): Message => ({
    nb: 'Importen stoppet på grunn av en feil hos oss. Prøv igjen; det som alt var lagret, blir stående.',
    nn: 'Importen stoppa på grunn av ein feil hos oss. Prøv igjen; det som alt var lagra, blir ståande.',
    en: 'The import stopped because of an error on our side. Try again; what was already stored stays.',
  }),
};
