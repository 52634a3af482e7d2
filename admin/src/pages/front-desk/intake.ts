// What the front desk form holds while the call goes on (kept in sessionStorage as a draft).
import type { PlaceDraft } from './AddressSearch.tsx';
import type { AnswerDraft } from './QuestionFields.tsx';

export interface Intake {
  channel: 'telefon' | 'skranke';
  phone: string;
  email: string;
  name: string;
  place: PlaceDraft;
  categoryCode: string | null;
  answers: AnswerDraft;
  description: string;
  notify: 'email' | 'sms' | 'none' | null;
  language: 'nb' | 'nn' | 'en';
}

export const empty = (language: Intake['language']): Intake => ({
  channel: 'telefon',
  phone: '',
  email: '',
  name: '',
  place: { text: '', lat: null, lon: null },
  categoryCode: null,
  answers: {},
  description: '',
  notify: null,
  language,
});

/** Unless chosen: email when there is an address, else SMS when there is a number, else nothing. */
export function notifyOf(intake: Intake): 'email' | 'sms' | 'none' {
  return intake.notify ?? (intake.email.trim() ? 'email' : intake.phone.trim() ? 'sms' : 'none');
}
