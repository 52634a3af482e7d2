// The notice and notice-template API (src/modules/notices/staff-routes.ts, template-routes.ts) on
// the typed client.
import { client, ok } from '../../api/client.ts';
import { NOTICE_TYPES } from '../../api/enums.ts';
import type { Answer, Body } from '../../api/types.ts';

const NOTICES = '/api/v1/staff/m/{kommunenummer}/notices';
const TEMPLATES = '/api/v1/staff/m/{kommunenummer}/notice-templates';

export type Notice = Answer<`${typeof NOTICES}/{id}`>;
export type NoticeType = Notice['type'];
export type NoticeStatus = Notice['status'];
export type NoticeVersion = NonNullable<Notice['versions']>[number];
export type NoticeCreate = Body<typeof NOTICES>;
export type NoticeArea = NoticeCreate['area'];
export type NoticeTemplate = Answer<typeof TEMPLATES>['templates'][number];

/** Every notice type, in the server's order (generated from the OpenAPI document). */
export const NOTICE_TYPE_LIST: readonly NoticeType[] = NOTICE_TYPES;

export const noticesApi = {
  list: (kommunenummer: string, signal?: AbortSignal) =>
    ok(client.GET(NOTICES, { params: { path: { kommunenummer } }, signal })),
  get: (kommunenummer: string, id: string, signal?: AbortSignal) =>
    ok(client.GET(`${NOTICES}/{id}`, { params: { path: { kommunenummer, id } }, signal })),
  create: (kommunenummer: string, body: NoticeCreate) =>
    ok(client.POST(NOTICES, { params: { path: { kommunenummer } }, body })),
  update: (kommunenummer: string, id: string, body: Body<`${typeof NOTICES}/{id}`, 'put'>) =>
    ok(client.PUT(`${NOTICES}/{id}`, { params: { path: { kommunenummer, id } }, body })),
  publish: (kommunenummer: string, id: string) =>
    ok(client.POST(`${NOTICES}/{id}/publish`, { params: { path: { kommunenummer, id } } })),
  end: (kommunenummer: string, id: string) =>
    ok(client.POST(`${NOTICES}/{id}/end`, { params: { path: { kommunenummer, id } }, body: {} })),
  templates: (kommunenummer: string, signal?: AbortSignal) =>
    ok(client.GET(TEMPLATES, { params: { path: { kommunenummer } }, signal })),
  saveTemplate: (kommunenummer: string, type: NoticeType, body: Body<`${typeof TEMPLATES}/{type}`, 'put'>) =>
    ok(client.PUT(`${TEMPLATES}/{type}`, { params: { path: { kommunenummer, type } }, body })),
};

/** The same wall-clock words the server fills in (notice-templates.ts), for the form's preview. */
export function fillTemplate(text: string, values: { area: string; start: string; end: string }): string {
  return text.replace(/\{(area|start|end)\}/g, (_, name: 'area' | 'start' | 'end') => values[name]);
}

const LINKED = `${NOTICES}/{id}/linked-reports` as const;
export type LinkedReports = Answer<typeof LINKED>;

/** Reports linked to a notice (src/modules/notices/linked-report-routes.ts). */
export const linkedReportsApi = {
  list: (kommunenummer: string, id: string, signal?: AbortSignal) =>
    ok(client.GET(LINKED, { params: { path: { kommunenummer, id } }, signal })),
  close: (kommunenummer: string, id: string, body: Body<`${typeof NOTICES}/{id}/close-linked-reports`>) =>
    ok(
      client.POST(`${NOTICES}/{id}/close-linked-reports`, { params: { path: { kommunenummer, id } }, body }),
    ),
};
