// The incident API (src/modules/incidents/incident-routes.ts) on the typed client.
import { client, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';

const INCIDENTS = '/api/v1/staff/m/{kommunenummer}/incidents';

export type IncidentSummary = Answer<typeof INCIDENTS>['incidents'][number];
export type Incident = Answer<`${typeof INCIDENTS}/{id}`>;

export const incidentsApi = {
  list: (kommunenummer: string, signal?: AbortSignal) =>
    ok(client.GET(INCIDENTS, { params: { path: { kommunenummer }, query: {} }, signal })),
  get: (kommunenummer: string, id: string, signal?: AbortSignal) =>
    ok(client.GET(`${INCIDENTS}/{id}`, { params: { path: { kommunenummer, id } }, signal })),
  dismiss: (kommunenummer: string, id: string) =>
    ok(client.POST(`${INCIDENTS}/{id}/dismiss`, { params: { path: { kommunenummer, id } } })),
  createNotice: (kommunenummer: string, id: string) =>
    ok(client.POST(`${INCIDENTS}/{id}/create-notice`, { params: { path: { kommunenummer, id } } })),
  /** The inbox's live stream also carries `event: incident` (EventSource takes an address). */
  eventsUrl: (kommunenummer: string) => `/api/v1/staff/m/${kommunenummer}/events`,
};
