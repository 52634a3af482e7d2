// The field app's calls (docs/field-app.md): the task list (GET …/field/tasks), one task (the
// case endpoint), and the changes the queue sends, each with its Idempotency-Key so that a retry
// after a lost answer never makes the change twice. Plain fetch rather than the typed client:
// the queue needs the status and headers of every answer (409 conflict, 401, Idempotency-Replayed)
// and sends multipart photos.
import { ApiError, changeHeaders, NETWORK_ERROR, UNEXPECTED_RESPONSE } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';

export type TaskScope = 'mine' | 'team';

/** One task as the server lists it (src/modules/field/list-field-tasks.ts, through the OpenAPI types). */
export type FieldTask = Answer<'/api/v1/staff/m/{kommunenummer}/field/tasks'>['tasks'][number];

export type TaskDetail = Answer<'/api/v1/staff/m/{kommunenummer}/reports/{id}'>;
export type FieldDirectory = Answer<'/api/v1/staff/m/{kommunenummer}/directory'>;

const STAFF = '/api/v1/staff/m';

export interface FieldReportBody {
  category: string;
  description: string;
  lat?: number;
  lon?: number;
  address?: string;
}

export interface FieldReportAnswer {
  id: string;
  reference: string;
}

export interface Sent<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** Called on every 401, so the session (and the device's copy) ends. */
let unauthorized: () => void = () => undefined;
export function onFieldUnauthorized(listener: () => void): void {
  unauthorized = listener;
}

async function request<T>(
  method: 'GET' | 'POST',
  path: string,
  options: {
    json?: unknown;
    form?: FormData;
    idempotencyKey?: string;
    signal?: AbortSignal;
    headers?: Record<string, string>;
  } = {},
): Promise<Sent<T>> {
  // Accept-Language too on reads: category names and the like come in the UI language.
  const headers: Record<string, string> = { ...changeHeaders(), ...options.headers };
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
  }
  if (response.status === 401) unauthorized();
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? UNEXPECTED_RESPONSE,
      error?.message ?? `HTTP ${response.status}`,
    );
  }
  return {
    status: response.status,
    body: body as T,
    replayed: response.headers.get('idempotency-replayed') === 'true',
  };
}

export const fieldApi = {
  tasks(k: string, scope: TaskScope, position: { lat: number; lon: number } | null, signal?: AbortSignal) {
    // The position goes in a header, never in the URL (access logs keep URLs).
    const headers: Record<string, string> = position
      ? { 'device-position': `${position.lat.toFixed(5)},${position.lon.toFixed(5)}` }
      : {};
    return request<{ tasks: FieldTask[] }>('GET', `${STAFF}/${k}/field/tasks?scope=${scope}`, {
      signal,
      headers,
    });
  },
  task: (k: string, id: string, signal?: AbortSignal) =>
    request<TaskDetail>('GET', `${STAFF}/${k}/reports/${encodeURIComponent(id)}`, { signal }),
  directory: (k: string) => request<FieldDirectory>('GET', `${STAFF}/${k}/directory`),
  status: (k: string, id: string, body: { status: string; version: string }, idempotencyKey: string) =>
    request<TaskDetail>('POST', `${STAFF}/${k}/reports/${encodeURIComponent(id)}/status`, {
      json: body,
      idempotencyKey,
    }),
  note: (k: string, id: string, message: string, idempotencyKey: string) =>
    request<TaskDetail>('POST', `${STAFF}/${k}/reports/${encodeURIComponent(id)}/notes`, {
      json: { message },
      idempotencyKey,
    }),
  photo(k: string, id: string, photo: Blob, name: string, idempotencyKey: string) {
    const form = new FormData();
    form.append('photo', photo, name);
    return request<TaskDetail>('POST', `${STAFF}/${k}/reports/${encodeURIComponent(id)}/photos`, {
      form,
      idempotencyKey,
    });
  },
  /** A report from the field (channel `felt`): JSON, or multipart with its photos. */
  report(k: string, body: FieldReportBody, photos: { blob: Blob; name: string }[], idempotencyKey: string) {
    const path = `${STAFF}/${k}/field/reports`;
    if (photos.length === 0) return request<FieldReportAnswer>('POST', path, { json: body, idempotencyKey });
    const form = new FormData();
    form.append('report', JSON.stringify(body));
    for (const photo of photos) form.append('photo', photo.blob, photo.name);
    return request<FieldReportAnswer>('POST', path, { form, idempotencyKey });
  },
};
