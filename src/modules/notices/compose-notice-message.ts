// What subscribers read about one version of a notice, per language and channel. Pure: the fan-out
// hands it the version and the database writes one message per subscriber and channel from it
// (fan-out-queries.ts). The stop link is added when the message is sent
// (notifications/send-message.ts), as for every message to a resident.
import { LANGUAGES, type Language, type LocalizedText, localize } from '../../shared/language.ts';
import { smsSendAfter } from '../notifications/quiet-hours.ts';
import type { MessageChannel } from '../notifications/schema.ts';
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
    /** "You receive this because … for {address}.": the words before and after the address. */
    why: readonly [before: string, after: string];
    /** The address's stand-in when the subscriber chose a point on the map. */
    nowhere: string;
  }
> = {
  nb: {
    updated: 'Oppdatert: ',
    ended: 'Avsluttet: ',
    readMore: 'Les mer',
    why: ['Du får denne meldingen fordi du abonnerer på driftsmeldinger for ', '.'],
    nowhere: 'et punkt i kartet',
  },
  nn: {
    updated: 'Oppdatert: ',
    ended: 'Avslutta: ',
    readMore: 'Les meir',
    why: ['Du får denne meldinga fordi du abonnerer på driftsmeldingar for ', '.'],
    nowhere: 'eit punkt i kartet',
  },
  en: {
    updated: 'Updated: ',
    ended: 'Ended: ',
    readMore: 'Read more',
    why: ['You receive this because you subscribe to service notices for ', '.'],
    nowhere: 'a point on the map',
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

/**
 * What every subscriber of one language reads about the version; only the address in the email's
 * last line differs between them, and the database puts it in (fan-out-queries.ts), so that the
 * fan-out writes its messages in one statement instead of sending each one's text over the wire.
 */
export interface NoticeTexts {
  language: Language;
  subject: string;
  /** The email up to the address: title, body, link and the start of the "why" line. */
  emailBeforeAddress: string;
  /** The address's stand-in when the subscriber has none (a point on the map). */
  emailNoAddress: string;
  emailAfterAddress: string;
  smsBody: string;
}

export function noticeTexts(version: FanoutVersion, publicUrl: string): NoticeTexts[] {
  return LANGUAGES.map((language) => {
    const texts = TEXTS[language];
    const title = titleFor(version, language);
    const link = noticeLink(publicUrl, version, language);
    return {
      language,
      subject: title,
      emailBeforeAddress: [
        title,
        localize(version.body, language),
        `${texts.readMore}: ${link}`,
        texts.why[0],
      ].join('\n\n'),
      emailNoAddress: texts.nowhere,
      emailAfterAddress: texts.why[1],
      smsBody: `${version.municipalityName}: ${cut(title, SMS_TITLE_MAX)} ${link}`,
    };
  });
}

/** When each channel's messages may go: an SMS waits out the quiet hours unless the notice is urgent. */
export function noticeSendAfter(version: FanoutVersion, now: Date): Record<MessageChannel, Date> {
  const urgent = URGENT_TYPES.includes(version.type);
  return {
    email: now,
    sms: urgent ? now : smsSendAfter(now, { from: version.smsQuietFrom, until: version.smsQuietUntil }),
  };
}
