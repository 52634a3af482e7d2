// The subscriber API (src/modules/subscriptions/staff-routes.ts) on the typed client, and the CSV
// upload, which goes by XMLHttpRequest because fetch cannot report upload progress.
import { ApiError, changeHeaders, client, NETWORK_ERROR, ok } from '../../api/client.ts';
import type { Answer, Body } from '../../api/types.ts';

const SUBSCRIBERS = '/api/v1/staff/m/{kommunenummer}/subscribers';

export type SubscriberPage = Answer<typeof SUBSCRIBERS>;
export type SubscriberSummary = SubscriberPage['subscribers'][number];
export type Subscriber = Answer<`${typeof SUBSCRIBERS}/{id}`>;
export type VulnerableChange = Body<`${typeof SUBSCRIBERS}/{id}/vulnerable`, 'put'>;
export type ImportResult = Answer<`${typeof SUBSCRIBERS}/import`, 'post'>;

export const subscribersApi = {
  list: (kommunenummer: string, query: { q?: string; page?: number }, signal?: AbortSignal) =>
    ok(client.GET(SUBSCRIBERS, { params: { path: { kommunenummer }, query }, signal })),
  get: (kommunenummer: string, id: string, signal?: AbortSignal) =>
    ok(client.GET(`${SUBSCRIBERS}/{id}`, { params: { path: { kommunenummer, id } }, signal })),
  setVulnerable: (kommunenummer: string, id: string, body: VulnerableChange) =>
    ok(client.PUT(`${SUBSCRIBERS}/{id}/vulnerable`, { params: { path: { kommunenummer, id } }, body })),
  remove: (kommunenummer: string, id: string) =>
    ok(client.DELETE(`${SUBSCRIBERS}/{id}`, { params: { path: { kommunenummer, id } } })),
};

export interface UploadProgress {
  /** 0–1 while sending; 1 when the file is sent and the server works on it. */
  sent: number;
}

/** Sends the file as text/csv and reports upload progress; resolves with the server's result. */
export function uploadSubscriberCsv(
  kommunenummer: string,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/staff/m/${kommunenummer}/subscribers/import`);
    for (const [name, value] of Object.entries(changeHeaders())) request.setRequestHeader(name, value);
    request.setRequestHeader('content-type', 'text/csv; charset=utf-8');
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress({ sent: event.loaded / event.total });
    });
    request.upload.addEventListener('load', () => onProgress({ sent: 1 }));
    request.addEventListener('error', () => reject(new ApiError(0, NETWORK_ERROR, 'network error')));
    request.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status === 200) return resolve(body as ImportResult);
      const error = (body as { error?: { code: string; message: string } } | undefined)?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? 'unexpected_response',
          error?.message ?? request.statusText,
        ),
      );
    });
    request.send(file);
  });
}
