// Messages about logging in through a municipality's identity provider.
import type { Message } from '../../shared/errors.ts';

export const oidcMessages = {
  notConfigured: (): Message => ({
    nb: 'Denne kommunen har ikke innlogging via egen identitetsleverandør.',
    nn: 'Denne kommunen har ikkje innlogging via eigen identitetsleverandør.',
    en: 'This municipality does not offer login through its own identity provider.',
  }),
};
