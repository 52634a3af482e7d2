// How a report looks to the public: no contact details, no internal notes, and the description
// only where the category allows it.
import { type Language, localize } from '../../shared/language.ts';
import type { PublicPhoto } from '../photos/photo-urls.ts';
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
  location: { lat: number; lon: number } | null;
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

export function presentSummary(row: Row, language: Language): PublicReportSummary {
  const info = STATUS_INFO[row.status];
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
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    address: row.address,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentReport(
  row: Row,
  events: { kind: ReportEventKind; status: ReportStatus | null; message: string | null; createdAt: Date }[],
  language: Language,
  photos: PublicPhoto[] = [],
): PublicReport {
  return {
    ...presentSummary(row, language),
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
