// What staff read about incidents: the on-call email and the refusals of the incident routes, in
// bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';
import type { Language } from '../../shared/language.ts';

export interface IncidentLine {
  category: string;
  count: number;
  radius: number;
  windowMinutes: number;
  link: string;
  refs: string[];
}

export function incidentEmail(language: Language, line: IncidentLine): { subject: string; body: string[] } {
  const refs = line.refs.join(', ');
  switch (language) {
    case 'nn':
      return {
        subject: `Hending: ${line.category} – ${line.count} meldingar innan ${line.radius} m`,
        body: [
          `${line.count} meldingar om «${line.category}» har komme inn innan ${line.radius} meter frå kvarandre på ${line.windowMinutes} minutt.`,
          `Meldingane: ${refs}`,
          `Sjå hendinga og lag ei driftsmelding: ${line.link}`,
        ],
      };
    case 'en':
      return {
        subject: `Incident: ${line.category} – ${line.count} reports within ${line.radius} m`,
        body: [
          `${line.count} reports of "${line.category}" arrived within ${line.radius} metres of each other in ${line.windowMinutes} minutes.`,
          `The reports: ${refs}`,
          `See the incident and create a notice: ${line.link}`,
        ],
      };
    default:
      return {
        subject: `Hendelse: ${line.category} – ${line.count} meldinger innen ${line.radius} m`,
        body: [
          `${line.count} meldinger om «${line.category}» har kommet inn innen ${line.radius} meter fra hverandre på ${line.windowMinutes} minutter.`,
          `Meldingene: ${refs}`,
          `Se hendelsen og lag en driftsmelding: ${line.link}`,
        ],
      };
  }
}

export const incidentMessages = {
  notFound: (): Message => ({
    nb: 'Fant ikke hendelsen i denne kommunen.',
    nn: 'Fann ikkje hendinga i denne kommunen.',
    en: 'Could not find the incident in this municipality.',
  }),
  notOpen: (): Message => ({
    nb: 'Hendelsen er allerede behandlet (driftsmelding laget eller avvist).',
    nn: 'Hendinga er allereie handsama (driftsmelding laga eller avvist).',
    en: 'The incident has been dealt with already (a notice was made or it was dismissed).',
  }),
};
