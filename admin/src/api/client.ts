// Typed fetch for the server's JSON API. Same-origin cookies carry the session; every request
// that changes something carries the session's CSRF token (held in memory only, never stored);
// Accept-Language is the UI language, so the server's error messages come in it.
// Errors come back as ApiError: the server's `{ error: { code, message, details } }`, or
// code 'network_error' / 'unexpected_response' when there was no such answer.

export interface ApiErrorDetail {
  field: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  /** HTTP status; 0 when no answer came (network down, server gone). */
  readonly status: number;
  /** The server's stable code (`invalid_credentials`, `login_throttled`, …). */
  readonly code: string;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const NETWORK_ERROR = 'network_error';
export const UNEXPECTED_RESPONSE = 'unexpected_response';

let csrfToken: string | null = null;
let language = 'nb';
const unauthorizedListeners = new Set<(path: string) => void>();

/** Set by the session when it is loaded or a login succeeds; null after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Set by the i18n provider whenever the UI language changes. */
export function setApiLanguage(value: string): void {
  language = value;
}

/** Called on every 401 (the session ran out, or was ended elsewhere). Returns an unsubscribe. */
export function onUnauthorized(listener: (path: string) => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface RequestOptions {
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

function isErrorShape(
  value: unknown,
): value is { error: { code: string; message: string; details?: unknown } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

async function readError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (isErrorShape(body)) {
    const details = Array.isArray(body.error.details) ? (body.error.details as ApiErrorDetail[]) : [];
    return new ApiError(response.status, body.error.code, body.error.message, details);
  }
  return new ApiError(response.status, UNEXPECTED_RESPONSE, `HTTP ${response.status} ${response.statusText}`);
}

/**
 * One request to the API. `path` is the server path (`/api/v1/...`). JSON in and out; a 204 (or
 * any empty body) resolves to undefined, so type such calls as `request<void>`.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language,
    ...options.headers,
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, NETWORK_ERROR, (error as Error).message);
  }

  if (!response.ok) {
    const error = await readError(response);
    if (response.status === 401) for (const listener of unauthorizedListeners) listener(path);
    throw error;
  }
  const text = await response.text();
  if (!text) return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, UNEXPECTED_RESPONSE, 'The answer was not JSON');
  }
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions, 'body'>) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
};
