// The reporter's contact details: optional unless the category needs them, checked for shape,
// and normalised so that later notifications can rely on them.

import { messages } from '../../i18n/messages.ts';
import type { ErrorDetail } from '../../shared/errors.ts';
import { isLanguage, type Language } from '../../shared/language.ts';
import { isEmailAddress } from '../../shared/text.ts';
import type { NotifyChannel } from './statuses.ts';

export interface ContactInput {
  name?: string | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  notify?: NotifyChannel | undefined;
  language?: string | undefined;
}

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  notify: NotifyChannel;
  language: Language;
}

function blankToNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** A phone number as typed, spaces and all, is never longer than this. */
export const PHONE_MAX_LENGTH = 40;

/** Norwegian numbers may be written "912 34 567" or "+47 912 34 567"; stored as "+4791234567". */
export function normalizePhone(raw: string): string | null {
  if (raw.length > PHONE_MAX_LENGTH) return null;
  const compact = raw.replace(/[\s().-]/g, '');
  if (/^\d{8}$/.test(compact)) return `+47${compact}`;
  if (/^00\d{8,15}$/.test(compact)) return `+${compact.slice(2)}`;
  if (/^\+\d{8,15}$/.test(compact)) return compact;
  return null;
}

export function checkContact(
  input: ContactInput | undefined,
  options: {
    required: boolean;
    categoryName: { nb: string; nn?: string; en?: string };
    fallbackLanguage: Language;
  },
): { contact: Contact | null; errors: ErrorDetail[] } {
  const errors: ErrorDetail[] = [];
  const name = blankToNull(input?.name);
  const rawEmail = blankToNull(input?.email);
  const rawPhone = blankToNull(input?.phone);
  let email: string | null = null;
  let phone: string | null = null;

  if (rawEmail) {
    // isEmailAddress checks the length before it looks at the text.
    if (isEmailAddress(rawEmail)) email = rawEmail.toLowerCase();
    else errors.push({ field: 'contact.email', code: 'invalid_email', message: messages.invalidEmail() });
  }
  if (rawPhone) {
    phone = normalizePhone(rawPhone);
    if (!phone)
      errors.push({ field: 'contact.phone', code: 'invalid_phone', message: messages.invalidPhone() });
  }
  const notify = notifyChannel(input?.notify, email, phone);
  if (notify === 'email' && !rawEmail) {
    errors.push({ field: 'contact.email', code: 'required', message: messages.notifyEmailNeedsEmail() });
  }
  if (notify === 'sms' && !rawPhone) {
    errors.push({ field: 'contact.phone', code: 'required', message: messages.notifySmsNeedsPhone() });
  }
  if (options.required && !rawEmail && !rawPhone) {
    errors.push({
      field: 'contact',
      code: 'required',
      message: messages.contactRequired(options.categoryName),
    });
  }
  const language = isLanguage(input?.language) ? input.language : options.fallbackLanguage;
  if (errors.length > 0) return { contact: null, errors };
  if (!name && !email && !phone) return { contact: null, errors };
  return { contact: { name, email, phone, notify, language }, errors };
}

/** How the reporter hears from us: as chosen, else by e-mail if given, else SMS, else not at all. */
export function notifyChannel(
  chosen: NotifyChannel | undefined,
  email: string | null | undefined,
  phone: string | null | undefined,
): NotifyChannel {
  return chosen ?? (email ? 'email' : phone ? 'sms' : 'none');
}
