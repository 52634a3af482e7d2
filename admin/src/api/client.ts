// The typed client of the server's JSON API: openapi-fetch over the types generated from the
// server's OpenAPI document (schema.d.ts; `npm run api:types`), so a path, its parameters, its body
// and its answer are checked against what the server publishes. Same-origin cookies carry the
// session; every request that changes something carries the session's CSRF token (held in memory
// only, never stored); Accept-Language is the UI language, so the server's error messages come in it.
// `ok(client.GET(…))` gives the answer or throws an ApiError: the server's
// `{ error: { code, message, details } }`, or code 'network_error' / 'unexpected_response' when
// there was no such answer.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.d.ts';

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

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept', 'application/json');
    request.headers.set('accept-language', language);
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) {
      const path = new URL(response.url || '/', window.location.href).pathname;
      for (const listener of unauthorizedListeners) listener(path);
    }
    // A proxy's HTML page (a 200 from a login portal, a 502 page) is no answer of ours.
    const type = response.headers.get('content-type');
    if (response.ok && type && !type.includes('json') && response.status !== 204) {
      throw new ApiError(response.status, UNEXPECTED_RESPONSE, 'The answer was not JSON');
    }
    return undefined;
  },
  onError({ error, request }) {
    // A cancelled request stays an AbortError, which callers ignore.
    if (request.signal.aborted) return undefined;
    return new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
  },
};

/**
 * The headers the client would send with a change, for the one request it cannot make: an
 * upload whose progress is shown (XMLHttpRequest, see pages/subscribers/ImportSubscribersPage.tsx).
 */
export function changeHeaders(): Record<string, string> {
  return {
    accept: 'application/json',
    'accept-language': language,
    ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
  };
}

/** The API, typed by path: `client.GET('/api/v1/staff/session')`. Wrap calls in `ok()`. */
export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(session);

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

/** An answer without a body (204) has the type `never` in the generated types: here `undefined`. */
type Data<T> = [T] extends [never] ? undefined : T;

/**
 * The answer of a call on `client`, or an ApiError for an error answer, a network failure or an
 * answer that is not JSON. A cancelled call rejects with the AbortError.
 */
export async function ok<T>(
  pending: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<Data<T>> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (error) {
    // openapi-fetch parses the body itself: a body that is not JSON fails there.
    if (error instanceof SyntaxError) throw new ApiError(0, UNEXPECTED_RESPONSE, 'The answer was not JSON');
    throw error;
  }
  const { response } = result;
  if (response.ok) return result.data as Data<T>;
  if (isErrorShape(result.error)) {
    const { code, message, details } = result.error.error;
    throw new ApiError(
      response.status,
      code,
      message,
      Array.isArray(details) ? (details as ApiErrorDetail[]) : [],
    );
  }
  throw new ApiError(response.status, UNEXPECTED_RESPONSE, `HTTP ${response.status} ${response.statusText}`);
}
