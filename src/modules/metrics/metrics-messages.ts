// What a scraper is told when it may not read /metrics, in bokmål, nynorsk and English.
import type { Message } from '../../shared/errors.ts';

export const metricsMessages = {
  tokenRequired: (): Message => ({
    nb: 'Metrikkene krever gyldig tilgangsnøkkel (Authorization: Bearer …, se METRICS_TOKEN).',
    nn: 'Metrikkane krev gyldig tilgangsnøkkel (Authorization: Bearer …, sjå METRICS_TOKEN).',
    en: 'The metrics need a valid token (Authorization: Bearer …, see METRICS_TOKEN).',
  }),
};
