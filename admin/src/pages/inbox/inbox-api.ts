// The inbox and case endpoints, one function each, on the typed client (api/client.ts).
import { client, ok } from '../../api/client.ts';
import type { Body } from '../../api/types.ts';
import type { CountsQuery, InboxQuery } from './filters.ts';
import type { Case } from './types.ts';

const M = '/api/v1/staff/m/{kommunenummer}';
const at = (kommunenummer: string) => ({ params: { path: { kommunenummer } } });
const atReport = (kommunenummer: string, id: string) => ({ params: { path: { kommunenummer, id } } });

export type BulkAction = Body<`${typeof M}/reports/bulk`>['action'];

/** The case actions that answer with the updated case, by the last part of their path. */
export type CaseActionName =
  | 'status'
  | 'priority'
  | 'assignment'
  | 'replies'
  | 'notes'
  | 'merge'
  | 'forward'
  | 'correction'
  | 'case-handling';
type ActionPath<A extends CaseActionName> = `${typeof M}/reports/{id}/${A}`;

export const inboxApi = {
  list: (kommunenummer: string, query: InboxQuery, signal?: AbortSignal) =>
    ok(client.GET(`${M}/reports`, { params: { path: { kommunenummer }, query }, signal })),
  counts: (kommunenummer: string, query: CountsQuery, signal?: AbortSignal) =>
    ok(client.GET(`${M}/reports/counts`, { params: { path: { kommunenummer }, query }, signal })),
  savedFilters: (k: string) => ok(client.GET(`${M}/saved-filters`, at(k))),
  saveFilter: (k: string, name: string, query: Record<string, string>) =>
    ok(client.POST(`${M}/saved-filters`, { ...at(k), body: { name, query } })),
  deleteFilter: (k: string, id: string) =>
    ok(client.DELETE(`${M}/saved-filters/{id}`, { params: { path: { kommunenummer: k, id } } })),
  bulk: (k: string, ids: string[], action: BulkAction) =>
    ok(client.POST(`${M}/reports/bulk`, { ...at(k), body: { ids, action } })),
  /** EventSource takes an address, not a typed call. */
  eventsUrl: (k: string) => `/api/v1/staff/m/${k}/events`,
};

export const caseApi = {
  get: (k: string, id: string, signal?: AbortSignal) =>
    ok(client.GET(`${M}/reports/{id}`, { ...atReport(k, id), signal })),
  contact: (k: string, id: string) => ok(client.GET(`${M}/reports/{id}/contact`, atReport(k, id))),
  /** The templates for the report's status, or for `status` when the reply goes out with that change. */
  templates: (k: string, id: string, status?: Case['status'], signal?: AbortSignal) =>
    ok(
      client.GET(`${M}/reports/{id}/reply-templates`, {
        params: { path: { kommunenummer: k, id }, query: status ? { status } : {} },
        signal,
      }),
    ),
  /** One of the actions that answer with the updated case (status, priority, assignment, …). */
  act: <A extends CaseActionName>(
    k: string,
    id: string,
    action: A,
    body: Body<ActionPath<A>>,
  ): Promise<Case> =>
    // Every action path answers with the case; TypeScript cannot follow a generic path through
    // openapi-fetch's overloads, so the call is typed as one of them (the body was checked above).
    ok(
      client.POST(`${M}/reports/{id}/${action}` as ActionPath<'status'>, {
        ...atReport(k, id),
        body: body as Body<ActionPath<'status'>>,
      }),
    ),
};
