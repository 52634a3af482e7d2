// The statuses a Norwegian case handler uses, and how each maps onto Open311: the core spec only
// knows open/closed; mySociety's extension knows the finer outcomes.
export const REPORT_STATUSES = [
  'mottatt',
  'under_behandling',
  'planlagt',
  'utfort',
  'duplikat',
  'privat_ansvar',
  'videresendt',
  'avvist',
  'lukket',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export type Open311Status = 'open' | 'closed';
export type Open311ExtendedStatus =
  | 'OPEN'
  | 'IN_PROGRESS'
  | 'ACTION_SCHEDULED'
  | 'FIXED'
  | 'DUPLICATE'
  | 'NOT_COUNCILS_RESPONSIBILITY'
  | 'INTERNAL_REFERRAL'
  | 'NO_FURTHER_ACTION'
  | 'CLOSED';

export interface StatusInfo {
  open311: Open311Status;
  open311Extended: Open311ExtendedStatus;
  label: { nb: string; nn: string; en: string };
}

export const STATUS_INFO: Record<ReportStatus, StatusInfo> = {
  mottatt: {
    open311: 'open',
    open311Extended: 'OPEN',
    label: { nb: 'Mottatt', nn: 'Motteken', en: 'Received' },
  },
  under_behandling: {
    open311: 'open',
    open311Extended: 'IN_PROGRESS',
    label: { nb: 'Under behandling', nn: 'Under handsaming', en: 'Being handled' },
  },
  planlagt: {
    open311: 'open',
    open311Extended: 'ACTION_SCHEDULED',
    label: { nb: 'Utbedring planlagt', nn: 'Utbetring planlagd', en: 'Repair scheduled' },
  },
  utfort: {
    open311: 'closed',
    open311Extended: 'FIXED',
    label: { nb: 'Arbeid utført', nn: 'Arbeid utført', en: 'Work done' },
  },
  duplikat: {
    open311: 'closed',
    open311Extended: 'DUPLICATE',
    label: { nb: 'Duplikat', nn: 'Duplikat', en: 'Duplicate' },
  },
  privat_ansvar: {
    open311: 'closed',
    open311Extended: 'NOT_COUNCILS_RESPONSIBILITY',
    label: { nb: 'Privat ansvar', nn: 'Privat ansvar', en: 'Private responsibility' },
  },
  videresendt: {
    open311: 'closed',
    open311Extended: 'INTERNAL_REFERRAL',
    label: { nb: 'Videresendt', nn: 'Vidaresendt', en: 'Forwarded' },
  },
  avvist: {
    open311: 'closed',
    open311Extended: 'NO_FURTHER_ACTION',
    label: { nb: 'Avvist', nn: 'Avvist', en: 'Rejected' },
  },
  lukket: {
    open311: 'closed',
    open311Extended: 'CLOSED',
    label: { nb: 'Lukket', nn: 'Lukka', en: 'Closed' },
  },
};

export const OPEN_STATUSES = REPORT_STATUSES.filter((s) => STATUS_INFO[s].open311 === 'open');

/** How a report reached us. */
export const CHANNELS = ['web', 'qr', 'api', 'open311', 'telefon', 'skranke', 'felt'] as const;
export type Channel = (typeof CHANNELS)[number];

export const NOTIFY_CHANNELS = ['email', 'sms', 'none'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const REPORT_EVENT_KINDS = [
  'received',
  'status_changed',
  'public_reply',
  'internal_note',
  'assigned',
  'priority_changed',
  'merged',
  'merged_into',
  'forwarded',
  'category_changed',
  'location_changed',
  'case_handling_flagged',
  // "Is it really fixed?" (notifications/answer-fix-check.ts): the reporter confirmed (internal);
  // reopened it (public, neutral text); and their comment on reopening (internal, their own words).
  'fix_confirmed',
  'reopened',
  'reopen_comment',
  // A staff member's photo of the work (the field app's camera); internal, like the photo itself.
  'photo_added',
] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];

/** How urgent a case handler judges a report: low, normal, high. */
export const PRIORITIES = ['lav', 'normal', 'hoy'] as const;
export type Priority = (typeof PRIORITIES)[number];
