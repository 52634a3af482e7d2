// The inbox and case endpoints, one function each.
import { api, type Query } from '../../api/client.ts';
import type {
  BulkResult,
  Case,
  Contact,
  Counts,
  InboxPageData,
  ReplyTemplate,
  SavedFilter,
} from './types.ts';

const base = (k: string) => `/api/v1/staff/m/${k}`;
const report = (k: string, id: string) => `${base(k)}/reports/${encodeURIComponent(id)}`;

export type BulkAction =
  | { type: 'assign'; teamId: string | null; assigneeId: string | null }
  | { type: 'status'; status: string }
  | { type: 'reply'; message: string };

export const inboxApi = {
  list: (k: string, query: Query, signal?: AbortSignal) =>
    api.get<InboxPageData>(`${base(k)}/reports`, { query, ...(signal ? { signal } : {}) }),
  counts: (k: string, query: Query, signal?: AbortSignal) =>
    api.get<Counts>(`${base(k)}/reports/counts`, { query, ...(signal ? { signal } : {}) }),
  savedFilters: (k: string) => api.get<{ filters: SavedFilter[] }>(`${base(k)}/saved-filters`),
  saveFilter: (k: string, name: string, query: Record<string, string>) =>
    api.post<SavedFilter>(`${base(k)}/saved-filters`, { name, query }),
  deleteFilter: (k: string, id: string) => api.delete(`${base(k)}/saved-filters/${id}`),
  bulk: (k: string, ids: string[], action: BulkAction) =>
    api.post<BulkResult>(`${base(k)}/reports/bulk`, { ids, action }),
  eventsUrl: (k: string) => `${base(k)}/events`,
};

export const caseApi = {
  get: (k: string, id: string, signal?: AbortSignal) =>
    api.get<Case>(report(k, id), signal ? { signal } : {}),
  contact: (k: string, id: string) => api.get<Contact>(`${report(k, id)}/contact`),
  /** The templates for the report's status, or for `status` when the reply goes out with that change. */
  templates: (k: string, id: string, status?: string, signal?: AbortSignal) =>
    api.get<{ templates: ReplyTemplate[] }>(`${report(k, id)}/reply-templates`, {
      query: { status },
      ...(signal ? { signal } : {}),
    }),
  /** One of the actions that answer with the updated case (status, priority, assignment, …). */
  act: (k: string, id: string, action: string, body: Record<string, unknown>) =>
    api.post<Case>(`${report(k, id)}/${action}`, body),
};
