import { describe, expect, it } from 'vitest';
import { type ContactInput, checkContact, normalizePhone } from './contact.ts';

const leak = { nb: 'Lekkasje', nn: 'Lekkasje', en: 'Leak' };
const optional = { required: false, categoryName: leak, fallbackLanguage: 'nb' as const };
const required = { ...optional, required: true };

describe('normalizePhone', () => {
  it.each([
    ['912 34 567', '+4791234567'],
    ['91234567', '+4791234567'],
    ['+47 912 34 567', '+4791234567'],
    ['0047 912 34 567', '+4791234567'],
    ['004791234567', '+4791234567'],
    ['(+46) 70-123 45 67', '+46701234567'],
    ['912.34.567', '+4791234567'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it.each([
    ['123'],
    ['9123456'],
    ['912345678'],
    ['912 34 56a'],
    ['telefon'],
    [''],
    ['+47'],
    ['+1234567890123456'],
  ])('rejects %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });
});

describe('checkContact', () => {
  it('lowercases and keeps a valid email, and defaults notify to email', () => {
    const { contact, errors } = checkContact({ name: ' Kari ', email: ' Kari@Example.NO ' }, optional);
    expect(errors).toEqual([]);
    expect(contact).toEqual({
      name: 'Kari',
      email: 'kari@example.no',
      phone: null,
      notify: 'email',
      language: 'nb',
    });
  });

  it.each([['kari'], ['kari@example'], ['kari @example.no'], ['@example.no'], ['kari@@example.no']])(
    'rejects the email %j on contact.email',
    (email) => {
      const { contact, errors } = checkContact({ email }, optional);
      expect(contact).toBeNull();
      expect(errors).toMatchObject([{ field: 'contact.email', code: 'invalid_email' }]);
      expect(errors[0]?.message.nn).toBeTruthy();
    },
  );

  it('rejects an email longer than 254 characters', () => {
    const email = `${'a'.repeat(250)}@example.no`;
    expect(checkContact({ email }, optional).errors).toMatchObject([
      { field: 'contact.email', code: 'invalid_email' },
    ]);
  });

  it('normalises the phone and defaults notify to sms when there is only a phone', () => {
    const { contact, errors } = checkContact({ phone: '912 34 567' }, optional);
    expect(errors).toEqual([]);
    expect(contact).toEqual({ name: null, email: null, phone: '+4791234567', notify: 'sms', language: 'nb' });
  });

  it('rejects an invalid phone on contact.phone', () => {
    const { contact, errors } = checkContact({ phone: '123' }, optional);
    expect(contact).toBeNull();
    expect(errors).toMatchObject([{ field: 'contact.phone', code: 'invalid_phone' }]);
  });

  it('prefers email for notifications when both are given', () => {
    expect(checkContact({ email: 'a@b.no', phone: '91234567' }, optional).contact?.notify).toBe('email');
  });

  it('defaults notify to none with only a name', () => {
    const { contact, errors } = checkContact({ name: 'Ola' }, optional);
    expect(errors).toEqual([]);
    expect(contact).toEqual({ name: 'Ola', email: null, phone: null, notify: 'none', language: 'nb' });
  });

  it('honours an explicit notify choice', () => {
    expect(
      checkContact({ email: 'a@b.no', phone: '91234567', notify: 'sms' }, optional).contact?.notify,
    ).toBe('sms');
    expect(checkContact({ email: 'a@b.no', notify: 'none' }, optional).contact?.notify).toBe('none');
  });

  it('refuses notify by email without an email address', () => {
    const { contact, errors } = checkContact({ phone: '91234567', notify: 'email' }, optional);
    expect(contact).toBeNull();
    expect(errors).toMatchObject([{ field: 'contact.email', code: 'required' }]);
  });

  it('refuses notify by sms without a phone number', () => {
    const { contact, errors } = checkContact({ email: 'a@b.no', notify: 'sms' }, optional);
    expect(contact).toBeNull();
    expect(errors).toMatchObject([{ field: 'contact.phone', code: 'required' }]);
  });

  it('requires an email or a phone when the category needs contact, naming the category', () => {
    for (const input of [undefined, {}, { name: 'Kari' }] as (ContactInput | undefined)[]) {
      const { contact, errors } = checkContact(input, required);
      expect(contact).toBeNull();
      expect(errors).toMatchObject([{ field: 'contact', code: 'required' }]);
      expect(errors[0]?.message.nb).toContain('Lekkasje');
      expect(errors[0]?.message.en).toContain('Leak');
    }
    expect(checkContact({ phone: '91234567' }, required).errors).toEqual([]);
    expect(checkContact({ email: 'a@b.no' }, required).errors).toEqual([]);
  });

  it('counts blank fields as absent', () => {
    const { contact, errors } = checkContact({ name: '  ', email: ' ', phone: '   ' }, required);
    expect(contact).toBeNull();
    expect(errors).toMatchObject([{ field: 'contact', code: 'required' }]);
    // A blank email next to a valid phone is not an invalid email.
    expect(checkContact({ email: '  ', phone: '91234567' }, optional)).toEqual({
      contact: { name: null, email: null, phone: '+4791234567', notify: 'sms', language: 'nb' },
      errors: [],
    });
  });

  it('returns no contact and no errors when everything is blank or missing', () => {
    expect(checkContact({ name: '', email: '  ', phone: '' }, optional)).toEqual({
      contact: null,
      errors: [],
    });
    expect(checkContact({}, optional)).toEqual({ contact: null, errors: [] });
    expect(checkContact(undefined, optional)).toEqual({ contact: null, errors: [] });
  });

  it('uses the fallback language unless a known language is given', () => {
    const nn = { ...optional, fallbackLanguage: 'nn' as const };
    expect(checkContact({ email: 'a@b.no' }, nn).contact?.language).toBe('nn');
    expect(checkContact({ email: 'a@b.no', language: 'de' }, nn).contact?.language).toBe('nn');
    expect(checkContact({ email: 'a@b.no', language: 'en' }, nn).contact?.language).toBe('en');
    expect(checkContact({ email: 'a@b.no', language: 'nb' }, nn).contact?.language).toBe('nb');
  });
});
