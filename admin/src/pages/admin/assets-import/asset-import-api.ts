// The asset import API (src/modules/assets/import-routes.ts): the upload goes by XMLHttpRequest,
// as fetch cannot report upload progress; following a run and listing runs on the typed client.
import { ApiError, changeHeaders, client, NETWORK_ERROR, ok } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';

const IMPORTS = '/api/v1/staff/m/{kommunenummer}/admin/assets/imports';

export type AssetImportRun = Answer<`${typeof IMPORTS}/{id}`>;
export type AssetImportSummary = Answer<typeof IMPORTS>['imports'][number];

export const assetImportApi = {
  get: (kommunenummer: string, id: string, signal?: AbortSignal) =>
    ok(client.GET(`${IMPORTS}/{id}`, { params: { path: { kommunenummer, id } }, signal })),
  list: (kommunenummer: string, signal?: AbortSignal) =>
    ok(client.GET(IMPORTS, { params: { path: { kommunenummer } }, signal })),
};

/** Sends the file as multipart/form-data; reports the share sent (0–1); resolves with the run's id. */
export function uploadAssetFile(
  kommunenummer: string,
  file: File,
  options: { epsg?: string; type?: string },
  onProgress: (sent: number) => void,
): Promise<string> {
  const query = new URLSearchParams();
  if (options.epsg) query.set('epsg', options.epsg);
  if (options.type) query.set('type', options.type);
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    const search = query.size > 0 ? `?${query}` : '';
    request.open('POST', `/api/v1/staff/m/${kommunenummer}/admin/assets/imports${search}`);
    for (const [name, value] of Object.entries(changeHeaders())) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('error', () => reject(new ApiError(0, NETWORK_ERROR, 'network error')));
    request.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status === 202) return resolve((body as { id: string }).id);
      const error = (body as { error?: { code: string; message: string } } | undefined)?.error;
      reject(
        new ApiError(
          request.status,
          error?.code ?? 'unexpected_response',
          error?.message ?? request.statusText,
        ),
      );
    });
    request.send(form);
  });
}
