// The subscriber API (src/modules/subscriptions/staff-routes.ts) on the typed client, and the CSV
// upload, which goes by XMLHttpRequest because fetch cannot report upload progress.
import { client, ok } from '../../api/client.ts';
import type { Answer, Body } from '../../api/types.ts';
import { uploadWithProgress } from '../../api/upload-with-progress.ts';

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
export async function uploadSubscriberCsv(
  kommunenummer: string,
  file: Blob,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportResult> {
  const answer = await uploadWithProgress(`/api/v1/staff/m/${kommunenummer}/subscribers/import`, file, {
    expect: 200,
    contentType: 'text/csv; charset=utf-8',
    onProgress: (sent) => onProgress({ sent }),
  });
  return answer as ImportResult;
}
