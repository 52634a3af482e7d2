// The shapes of the inbox and case endpoints (docs/staff-api.md, "Inbox" and "Case"), taken from
// the types generated from the server's OpenAPI document (api/schema.d.ts): a field the server
// adds, renames or drops shows up here at the next `npm run api:types`, and tsc names every use.

import type { Answer } from '../../api/types.ts';
import { INBOX_SORTS, NOTIFY_CHANNELS, PRIORITIES, REPORT_CHANNELS } from '../../api/types.ts';
import type { ReportStatus } from '../../components/index.ts';

const M = '/api/v1/staff/m/{kommunenummer}';

export type Priority = (typeof PRIORITIES)[number];
export { PRIORITIES };
/** How reports arrive (web, QR sticker, phone, …). */
export const CHANNELS = REPORT_CHANNELS;
export type Channel = (typeof CHANNELS)[number];
export const SORTS = INBOX_SORTS;
export type Sort = (typeof SORTS)[number];

export interface Named {
  id: string;
  name: string;
}

export type InboxPageData = Answer<`${typeof M}/reports`>;
export type InboxItem = InboxPageData['items'][number];

export type Counts = Answer<`${typeof M}/reports/counts`>;
export type Count = Counts['total'];
/** `exact`: the count; `moreThan`: more than `count` (the server's limit); `about`: an estimate. */
export type CountAccuracy = Count['accuracy'];

export type SavedFilter = Answer<`${typeof M}/saved-filters`, 'post'>;

export type Case = Answer<`${typeof M}/reports/{id}`>;
export type HistoryEntry = Case['history'][number];
export type Actor = HistoryEntry['actor'];
export type CaseAction = keyof Case['allowed'];

/** How the reporter asked to hear about the report. */
export { NOTIFY_CHANNELS };
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export type Contact = Answer<`${typeof M}/reports/{id}/contact`>;

export type ReplyTemplate = Answer<`${typeof M}/reports/{id}/reply-templates`>['templates'][number];

export type BulkResult = Answer<`${typeof M}/reports/bulk`, 'post'>;

/**
 * A live notice from GET /events. The stream is server-sent events, which OpenAPI does not
 * describe: this one shape is written here (src/modules/cases/live-inbox-routes.ts sends it).
 */
export interface LiveEvent {
  op: 'insert' | 'update';
  id: string;
  ref: string;
  status: ReportStatus;
}
