// How a report looks to the public: no contact details, no internal notes, the description only
// where the category allows it, and the place only as far as the category allows it
// (public-location.ts). With the tracking token the reporter sees their own place in full.
import { type Language, localize } from '../../shared/language.ts';
import type { PublicPhoto } from '../photos/photo-urls.ts';
import { presentPlace } from './public-location.ts';
import type { PublicReportRow } from './queries.ts';
import { type ReportEventKind, type ReportStatus, STATUS_INFO } from './statuses.ts';

type Row = NonNullable<PublicReportRow>;

export interface PublicReportSummary {
  ref: string;
  municipality: { kommunenummer: string; name: string };
  category: { code: string; name: string; group: string };
  status: ReportStatus;
  statusText: string;
  open: boolean;
  acute: boolean;
  /** `approximate`: the middle of a 500 m grid cell, not the true point (coarse categories). */
  location: { lat: number; lon: number; approximate: boolean } | null;
  address: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PublicReport extends PublicReportSummary {
  description: string | null;
  dueAt: string | null;
  photos: PublicPhoto[];
  history: {
    at: string;
    kind: ReportEventKind;
    status: ReportStatus | null;
    statusText: string | null;
    message: string | null;
  }[];
}

/** `who`: `reporter` only for a request that proved the tracking token. */
export type Viewer = 'public' | 'reporter';

export function presentSummary(row: Row, language: Language, who: Viewer = 'public'): PublicReportSummary {
  const info = STATUS_INFO[row.status];
  const place = presentPlace(row, who === 'reporter' ? 'full' : 'public');
  return {
    ref: row.ref,
    municipality: { kommunenummer: row.kommunenummer, name: row.municipalityName },
    category: {
      code: row.categoryCode,
      name: localize(row.categoryName, language),
      group: localize(row.groupName, language),
    },
    status: row.status,
    statusText: info.label[language],
    open: info.open311 === 'open',
    acute: row.acute,
    location: place.location,
    address: place.address,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentReport(
  row: Row,
  events: { kind: ReportEventKind; status: ReportStatus | null; message: string | null; createdAt: Date }[],
  language: Language,
  photos: PublicPhoto[] = [],
  who: Viewer = 'public',
): PublicReport {
  return {
    ...presentSummary(row, language, who),
    description: row.publicDescription ? row.description : null,
    dueAt: row.dueAt?.toISOString() ?? null,
    photos,
    history: events.map((e) => ({
      at: e.createdAt.toISOString(),
      kind: e.kind,
      status: e.status,
      statusText: e.status ? STATUS_INFO[e.status].label[language] : null,
      message: e.message,
    })),
  };
}
