// Messages a field crew (or the app on their behalf) reads when a field request is refused.
import type { Message } from '../../shared/errors.ts';

export const fieldMessages = {
  invalidKey: (): Message => ({
    nb: 'Idempotency-Key må være 1–100 tegn: bokstaver A–Z, sifre, bindestrek eller understrek.',
    nn: 'Idempotency-Key må vere 1–100 teikn: bokstavar A–Z, siffer, bindestrek eller understrek.',
    en: 'Idempotency-Key must be 1–100 characters: letters A–Z, digits, hyphen or underscore.',
  }),
  keyReused: (): Message => ({
    nb: 'Denne Idempotency-Key er alt brukt for en annen handling. Bruk en ny nøkkel for hver handling.',
    nn: 'Denne Idempotency-Key er alt brukt for ei anna handling. Bruk ein ny nøkkel for kvar handling.',
    en: 'This Idempotency-Key was already used for a different action. Use a new key for each action.',
  }),
  pointIncomplete: (): Message => ({
    nb: 'Oppgi både breddegrad og lengdegrad.',
    nn: 'Oppgi både breiddegrad og lengdegrad.',
    en: 'Give both latitude and longitude.',
  }),
  positionOutOfRange: (): Message => ({
    nb: 'Posisjonen må være breddegrad mellom -90 og 90 og lengdegrad mellom -180 og 180.',
    nn: 'Posisjonen må vere breiddegrad mellom -90 og 90 og lengdegrad mellom -180 og 180.',
    en: 'The position must be a latitude between -90 and 90 and a longitude between -180 and 180.',
  }),
  unknownAsset: (): Message => ({
    nb: 'Fant ikke anlegget i denne kommunen.',
    nn: 'Fann ikkje anlegget i denne kommunen.',
    en: 'Could not find the asset in this municipality.',
  }),
};
