// What one subscriber reads about one version of a notice, per confirmed channel. Pure: the fan-out
// hands it the version and the subscriber and stores what it returns. The stop link is added when
// the message is sent (notifications/send-message.ts), as for every message to a resident.
import { randomUUID } from 'node:crypto';
import { type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { smsSendAfter } from '../notifications/quiet-hours.ts';
import type { MessageChannel, MessageStatus } from '../notifications/schema.ts';
import type { NoticeType } from './schema.ts';

export type NoticeMessageKind = 'notice_published' | 'notice_updated' | 'notice_ended';

export interface FanoutVersion {
  noticeId: string;
  version: number;
  kommunenummer: string;
  type: NoticeType;
  kind: NoticeMessageKind;
  title: LocalizedText;
  body: LocalizedText;
  slug: string;
  municipalityName: string;
  defaultLanguage: Language;
  smsQuietFrom: number;
  smsQuietUntil: number;
}

export interface FanoutSubscriber {
  id: string;
  vulnerable: boolean;
  language: Language;
  address: string | null;
  /** Set only when confirmed and not on the "no email at all" list. */
  email: string | null;
  /** Set only when confirmed. */
  phone: string | null;
}

export interface NoticeMessage {
  id: string;
  kommunenummer: string;
  idempotencyKey: string;
  kind: NoticeMessageKind;
  noticeId: string;
  noticeVersion: number;
  subscriberId: string;
  channel: MessageChannel;
  recipient: string;
  language: Language;
  subject: string | null;
  bodyText: string;
  status: MessageStatus;
  sendAfter: Date;
}

/**
 * Advice to act on now goes out at night too: boiling water, or water gone without warning (and
 * the word that it is over). Planned work, flushing and roadworks wait for the end of the
 * municipality's SMS quiet hours, like report updates do.
 */
const URGENT_TYPES: readonly NoticeType[] = ['boil_water', 'boil_water_lifted', 'unplanned_shutoff'];

/** An SMS is one segment of 160 GSM characters up to about 3 segments; the title is cut to keep it short. */
const SMS_TITLE_MAX = 100;

const TEXTS: Record<
  Language,
  {
    updated: string;
    ended: string;
    readMore: string;
    why: (address: string | null) => string;
  }
> = {
  nb: {
    updated: 'Oppdatert: ',
    ended: 'Avsluttet: ',
    readMore: 'Les mer',
    why: (a) =>
      `Du får denne meldingen fordi du abonnerer på driftsmeldinger for ${a ?? 'et punkt i kartet'}.`,
  },
  nn: {
    updated: 'Oppdatert: ',
    ended: 'Avslutta: ',
    readMore: 'Les meir',
    why: (a) =>
      `Du får denne meldinga fordi du abonnerer på driftsmeldingar for ${a ?? 'eit punkt i kartet'}.`,
  },
  en: {
    updated: 'Updated: ',
    ended: 'Ended: ',
    readMore: 'Read more',
    why: (a) => `You receive this because you subscribe to service notices for ${a ?? 'a point on the map'}.`,
  },
};

/** The notice's public page, in the reader's language when that is not the municipality's own. */
export function noticeLink(publicUrl: string, version: FanoutVersion, language: Language): string {
  const lang = language === version.defaultLanguage ? '' : `?lang=${language}`;
  return `${publicUrl}/${version.slug}/driftsmeldinger/${version.noticeId}${lang}`;
}

function titleFor(version: FanoutVersion, language: Language): string {
  const title = localize(version.title, language);
  const texts = TEXTS[language];
  if (version.kind === 'notice_updated') return `${texts.updated}${title}`;
  // A lifted boil-water advice says so in its own title already (end-notice.ts).
  if (version.kind === 'notice_ended' && version.type !== 'boil_water') return `${texts.ended}${title}`;
  return title;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function composeNoticeMessages(
  version: FanoutVersion,
  subscriber: FanoutSubscriber,
  context: { publicUrl: string; configured: Record<MessageChannel, boolean>; now: Date },
): NoticeMessage[] {
  const { language } = subscriber;
  const title = titleFor(version, language);
  const link = noticeLink(context.publicUrl, version, language);
  const urgent = URGENT_TYPES.includes(version.type);
  const common = {
    kommunenummer: version.kommunenummer,
    kind: version.kind,
    noticeId: version.noticeId,
    noticeVersion: version.version,
    subscriberId: subscriber.id,
    language,
  };
  const key = (channel: MessageChannel) =>
    `notice:${version.noticeId}:${version.version}:${subscriber.id}:${channel}`;
  const result: NoticeMessage[] = [];
  if (subscriber.email) {
    const texts = TEXTS[language];
    result.push({
      ...common,
      id: randomUUID(),
      idempotencyKey: key('email'),
      channel: 'email',
      recipient: subscriber.email,
      subject: title,
      bodyText: [
        title,
        localize(version.body, language),
        `${texts.readMore}: ${link}`,
        texts.why(subscriber.address),
      ].join('\n\n'),
      status: context.configured.email ? 'queued' : 'outbox',
      sendAfter: context.now,
    });
  }
  if (subscriber.phone) {
    result.push({
      ...common,
      id: randomUUID(),
      idempotencyKey: key('sms'),
      channel: 'sms',
      recipient: subscriber.phone,
      subject: null,
      bodyText: `${version.municipalityName}: ${cut(title, SMS_TITLE_MAX)} ${link}`,
      status: context.configured.sms ? 'queued' : 'outbox',
      sendAfter: urgent
        ? context.now
        : smsSendAfter(context.now, { from: version.smsQuietFrom, until: version.smsQuietUntil }),
    });
  }
  return result;
}
