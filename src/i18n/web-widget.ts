// Texts of the notices widget (/{slug}/driftsmeldinger/widget) that municipalities embed in their
// own sites, and of its part of the embed demo page, in nb, nn and en.
import type { Language } from '../shared/language.ts';

const nb = {
  newWindow: '(åpnes i ny fane)',
  demoTitle: 'Eksempel: driftsmeldingene inne på kommunens nettside',
  demoIntro:
    'Slik ser de pågående og kommende driftsmeldingene ut når kommunen limer inn koden med data-view="driftsmeldinger".',
};

type WidgetCatalog = typeof nb;

const nn: WidgetCatalog = {
  newWindow: '(blir opna i ny fane)',
  demoTitle: 'Døme: driftsmeldingane inne på nettsida til kommunen',
  demoIntro:
    'Slik ser dei pågåande og komande driftsmeldingane ut når kommunen limer inn koden med data-view="driftsmeldinger".',
};

const en: WidgetCatalog = {
  newWindow: '(opens in a new tab)',
  demoTitle: "Example: the service notices on the municipality's own site",
  demoIntro:
    'This is how the current and upcoming notices look when the municipality pastes the code with data-view="driftsmeldinger".',
};

const catalogs: Record<Language, WidgetCatalog> = { nb, nn, en };

export function widgetText(language: Language): WidgetCatalog {
  return catalogs[language];
}
