// The shapes of the inbox and case endpoints (docs/staff-api.md, "Inbox" and "Case").
import type { ReportStatus } from '../../components/index.ts';

export type Priority = 'lav' | 'normal' | 'hoy';
export const PRIORITIES: readonly Priority[] = ['lav', 'normal', 'hoy'];
export const CHANNELS = ['web', 'qr', 'api', 'open311', 'telefon', 'skranke', 'felt'] as const;
export type Channel = (typeof CHANNELS)[number];
export const SORTS = ['-created', 'created', 'due', '-priority', '-updated'] as const;
export type Sort = (typeof SORTS)[number];

export interface Named {
  id: string;
  name: string;
}

export interface InboxItem {
  id: string;
  ref: string;
  status: ReportStatus;
  priority: Priority;
  acute: boolean;
  channel: Channel;
  category: Named;
  group: Named;
  description: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  team: Named | null;
  assignee: Named | null;
  dueAt: string | null;
  overdue: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface InboxPageData {
  items: InboxItem[];
  nextCursor: string | null;
}

/** `exact`: the count; `moreThan`: more than `count` (the server's limit); `about`: an estimate. */
export type CountAccuracy = 'exact' | 'moreThan' | 'about';

export interface Count {
  count: number;
  accuracy: CountAccuracy;
}

export interface Counts {
  counts: Partial<Record<ReportStatus, Count>>;
  /** Every matching report but duplicates. */
  total: Count;
}

export interface SavedFilter {
  id: string;
  name: string;
  query: Record<string, string>;
}

export type Actor = { id: string; name: string } | { kind: 'reporter' | 'system' };

export interface HistoryEntry {
  id: string;
  kind: string;
  public: boolean;
  status: ReportStatus | null;
  message: string | null;
  actor: Actor;
  details: { before: Record<string, unknown> | null; after: Record<string, unknown> | null } | null;
  createdAt: string;
}

export type CaseAction =
  | 'case.read'
  | 'case.read_contact'
  | 'case.change_status'
  | 'case.change_priority'
  | 'case.assign'
  | 'case.reply_public'
  | 'case.note_internal'
  | 'case.merge'
  | 'case.forward'
  | 'case.correct'
  | 'case.flag_case_handling'
  | 'case.bulk'
  | 'case.export'
  | 'case.export_personal';

export interface Case extends InboxItem {
  answers: { question: string; answer: string }[];
  photos: { url: string; thumbnailUrl: string; width: number; height: number }[];
  assetRef: string | null;
  mergedInto: { id: string; ref: string } | null;
  duplicates: { id: string; ref: string }[];
  forwardedTo: string | null;
  forwardedToEmail: string | null;
  needsCaseHandling: boolean;
  followersCount: number;
  hasContact: boolean;
  version: string;
  history: HistoryEntry[];
  allowed: Partial<Record<CaseAction, boolean>>;
}

/** How the reporter asked to hear about the report. */
export const NOTIFY_CHANNELS = ['email', 'sms', 'none'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export interface Contact {
  name: string | null;
  email: string | null;
  phone: string | null;
  notify: NotifyChannel;
  language: string | null;
}

export interface ReplyTemplate {
  id: string;
  name: string;
  text: string;
}

export interface BulkResult {
  updated: number;
  failed: { id: string; code: string; message: string }[];
}

/** A live notice from GET /events. */
export interface LiveEvent {
  op: 'insert' | 'update';
  id: string;
  ref: string;
  status: ReportStatus;
}
