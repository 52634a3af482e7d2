// The asset import API (src/modules/assets/import-routes.ts): the upload goes by XMLHttpRequest,
// as fetch cannot report upload progress; following a run and listing runs on the typed client.
import { client, ok } from '../../../api/client.ts';
import type { Answer } from '../../../api/types.ts';
import { uploadWithProgress } from '../../../api/upload-with-progress.ts';

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
export async function uploadAssetFile(
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
  const search = query.size > 0 ? `?${query}` : '';
  const answer = await uploadWithProgress(
    `/api/v1/staff/m/${kommunenummer}/admin/assets/imports${search}`,
    form,
    {
      expect: 202,
      onProgress,
    },
  );
  return (answer as { id: string }).id;
}
