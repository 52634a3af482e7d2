// The pure parts: who gets a message, what it says, quiet hours, and the stop token.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/language.ts';
import { messageKindOf, recipientsOf, templateFor } from './compose-messages.ts';
import { DEFAULT_TEMPLATES, MESSAGE_KINDS } from './default-templates.ts';
import { isQuiet, smsSendAfter } from './quiet-hours.ts';
import type { Person } from './relay-queries.ts';
import { fillPlaceholders, isGsm7, renderMessage, toGsm7 } from './render-message.ts';
import { issueStopToken, readStopToken } from './stop-token.ts';

const person = (p: Partial<Person>): Person => ({
  report_id: 'r',
  role: 'follower',
  follower_id: null,
  email: null,
  phone: null,
  notify: null,
  language: 'nb',
  ...p,
});

describe('recipientsOf', () => {
  it('takes the reporter on their channel and followers by email first, each address once, skipping unsubscribed email', () => {
    const people = [
      person({ role: 'reporter', email: 'kari@example.no', phone: '+4791234567', notify: 'sms' }),
      person({ email: 'Per@Example.no', phone: '+4790000000' }),
      person({ email: 'per@example.no', language: 'en' }),
      person({ phone: '+4791234567' }),
      person({ email: 'gone@example.no' }),
      person({ role: 'reporter', email: 'x@example.no', notify: 'none' }),
    ];
    expect(recipientsOf(people, new Set(['gone@example.no']))).toEqual([
      { channel: 'sms', address: '+4791234567', language: 'nb' },
      { channel: 'email', address: 'Per@Example.no', language: 'nb' },
    ]);
  });
});

describe('messageKindOf', () => {
  it('announces public steps only; done is a status change to utfort', () => {
    expect(messageKindOf({ kind: 'received', status: 'mottatt' })).toBe('receipt');
    expect(messageKindOf({ kind: 'status_changed', status: 'utfort' })).toBe('done');
    expect(messageKindOf({ kind: 'status_changed', status: 'planlagt' })).toBe('status_changed');
    expect(messageKindOf({ kind: 'internal_note', status: null })).toBeUndefined();
    expect(messageKindOf({ kind: 'assigned', status: null })).toBeUndefined();
  });
});

describe('templates', () => {
  it('has every kind in every language, and every SMS default is GSM-7', () => {
    for (const language of LANGUAGES) {
      for (const kind of MESSAGE_KINDS) {
        expect(DEFAULT_TEMPLATES[language][kind].email.subject).toBeTruthy();
        const text = DEFAULT_TEMPLATES[language][kind].sms.body.replace(/\{[a-zA-Z]+\}/g, '');
        expect(isGsm7(text), `${language} ${kind}`).toBe(true);
      }
    }
  });

  it("uses the municipality's own wording when it has one", () => {
    const own = [
      {
        kommunenummer: '4001',
        kind: 'done',
        channel: 'sms' as const,
        language: 'nb' as const,
        subject: null,
        body: 'Fikset! {ref}',
      },
    ];
    expect(templateFor(own, '4001', 'done', 'sms', 'nb').body).toBe('Fikset! {ref}');
    expect(templateFor(own, '4003', 'done', 'sms', 'nb')).toEqual(DEFAULT_TEMPLATES.nb.done.sms);
  });

  it('escapes every value in the HTML and keeps SMS in GSM-7', () => {
    const values = {
      municipality: 'Porsgrunn kommune',
      ref: '4001-2026-00001',
      category: 'Vannlekkasje',
      status: 'Utført',
      message: '<img src=x onerror=alert(1)> “ferdig” – takk',
      link: 'https://meld.example/porsgrunn/meldinger/4001-2026-00001',
      forwardedTo: '',
      forwardedToEmail: '',
      mergedIntoRef: '',
      mergedIntoLink: '',
    };
    const links = {
      stop: 'https://meld.example/stop?token=a&lang=nb',
      unsubscribe: 'https://meld.example/stop?token=a&scope=all',
    };
    const email = renderMessage(DEFAULT_TEMPLATES.nb.done.email, 'email', 'nb', values, links);
    expect(email.bodyHtml).not.toContain('<img');
    expect(email.bodyHtml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.bodyHtml).toContain('href="https://meld.example/stop?token=a&amp;lang=nb"');
    expect(email.bodyText).toContain(links.unsubscribe);
    const sms = renderMessage({ subject: null, body: '{message} {link}' }, 'sms', 'nb', values, links);
    expect(isGsm7(sms.bodyText)).toBe(true);
    expect(sms.bodyText).toContain(links.stop);
    expect(toGsm7('“a” – b')).toBe('"a" - b');
    expect(fillPlaceholders('{ref} {unknown}', { ref: 'R' })).toBe('R {unknown}');
  });
});

describe('quiet hours', () => {
  it('holds an SMS made at night until the morning, Oslo time, across DST', () => {
    expect(isQuiet(22, 21, 8)).toBe(true);
    expect(isQuiet(7, 21, 8)).toBe(true);
    expect(isQuiet(8, 21, 8)).toBe(false);
    expect(isQuiet(12, 0, 0)).toBe(false);
    // 23:30 in Oslo in winter (UTC+1) → 08:00 the next morning = 07:00 UTC.
    expect(smsSendAfter(new Date('2026-01-15T22:30:00Z'), { from: 21, until: 8 }).toISOString()).toBe(
      '2026-01-16T07:00:00.000Z',
    );
    // Summer (UTC+2): 06:10 in Oslo → 08:00 = 06:00 UTC.
    expect(smsSendAfter(new Date('2026-06-15T04:10:00Z'), { from: 21, until: 8 }).toISOString()).toBe(
      '2026-06-15T06:00:00.000Z',
    );
    const noon = new Date('2026-06-15T10:00:00Z');
    expect(smsSendAfter(noon, { from: 21, until: 8 })).toBe(noon);
  });
});

describe('stop token', () => {
  it('names the message, and refuses a token signed with another secret or changed', () => {
    const secret = Buffer.alloc(32, 7);
    const id = '0b9f2c1e-7d3a-4c55-9a0e-6d2f8b7c4e11';
    const token = issueStopToken(secret, id);
    expect(token).toHaveLength(38);
    expect(readStopToken(secret, token)).toBe(id);
    expect(readStopToken(Buffer.alloc(32, 8), token)).toBeUndefined();
    expect(
      readStopToken(secret, `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`),
    ).toBeUndefined();
    expect(readStopToken(secret, 'short')).toBeUndefined();
  });
});
