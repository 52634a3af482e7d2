// Logging without secrets or personal data. Three ways they could get in, and what stops each:
// - the request line: tracking tokens, OIDC codes and states travel in query strings, and a
//   draft's id in the path is the key to what a resident typed; `redactUrl` blanks them;
// - errors: database drivers and Drizzle put the statement's parameters (a follower's email and
//   phone) into the error and its message; `loggableError` keeps only what locates the fault;
// - anything else logged with `err`: pino's `err` serializer is `loggableError` too
//   (`logSerializers`, used by the app's logger and by the services' logger before it).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DrizzleQueryError } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';

/**
 * Query parameters whose value is a secret or a person's data. Matched without regard to case.
 * `token`: tracking, stop, fix-check and reset links; `code`/`state`/`session_state`/`iss`: the
 * OIDC callback; `utkast`: a web-form draft's id (its holder sees the contact details typed into
 * it); `email`/`phone`/`q`/`adresse`: what a person searched for or typed (`adresse`: the notice
 * list's "does this affect my address?", most likely their home); `lat`/`lon`: where a person
 * is (the field app's task list sends the crew's position) or what they looked up.
 */
const SECRET_PARAMETERS = new Set([
  'token',
  'code',
  'state',
  'session_state',
  'id_token',
  'id_token_hint',
  'access_token',
  'refresh_token',
  'client_secret',
  'password',
  'secret',
  'key',
  'signature',
  'utkast',
  'email',
  'phone',
  'q',
  'adresse',
  'lat',
  'lon',
]);

/** A draft's id in the path (`/porsgrunn/meld/<id>`, `…/send`): the key to the draft. */
const DRAFT_PATH = /\/meld\/[0-9a-fA-F-]{36}(?=\/|$)/;

export const REDACTED = 'REDACTED';

export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  const pathPart = query === -1 ? url : url.slice(0, query);
  const path = pathPart.replace(DRAFT_PATH, `/meld/${REDACTED}`);
  if (query === -1) return path;
  const params = new URLSearchParams(url.slice(query + 1));
  let changed = false;
  for (const name of new Set(params.keys())) {
    if (SECRET_PARAMETERS.has(name.toLowerCase())) {
      params.set(name, REDACTED);
      changed = true;
    }
  }
  return `${path}?${changed ? params.toString() : url.slice(query + 1)}`;
}

/**
 * The same for addresses inside free text (an error message that quotes the URL it failed on):
 * the value of every secret parameter is blanked.
 */
const SECRET_IN_TEXT =
  /([?&](?:token|code|state|session_state|id_token|id_token_hint|access_token|refresh_token|client_secret|password|secret|key|signature|utkast|email|phone|q|adresse|lat|lon)=)[^&#\s"'<>]*/gi;

export function redactText(text: string): string {
  return text.replace(SECRET_IN_TEXT, `$1${REDACTED}`).replace(DRAFT_PATH, `/meld/${REDACTED}`);
}

export function requestSerializer(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    remoteAddress: request.ip,
  };
}

/** A PostgreSQL error (pg or PGlite): it carries a five-character SQLSTATE and a severity. */
function isDatabaseError(error: Error & Record<string, unknown>): boolean {
  return typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code) && 'severity' in error;
}

/**
 * What of an error a log line may say. Drizzle's DrizzleQueryError says "Failed query: <sql>
 * params: <values>", and PostgreSQL's own messages quote the offending value after a colon
 * ("invalid input syntax for type uuid: "kari@example.no""), so for those only the part before
 * the values is kept. Other messages are kept with secret parameters blanked.
 */
function safeMessage(error: Error & Record<string, unknown>): string {
  if (error instanceof DrizzleQueryError) {
    return `Failed query: ${redactText(error.query).slice(0, 2000)}`;
  }
  if (isDatabaseError(error)) {
    const colon = error.message.indexOf(':');
    return colon === -1 ? error.message : error.message.slice(0, colon);
  }
  return redactText(error.message);
}

/** The stack's frames under the safe message: V8 starts a stack with the message it would hide. */
function safeStack(stack: unknown, name: string, message: string): string | undefined {
  if (typeof stack !== 'string') return undefined;
  // (Frames are lines that start with "    at "; anything else in a stack is the message.)
  const frames = stack.split('\n').filter((line) => line.startsWith('    at '));
  return [`${name}: ${message}`, ...frames].join('\n');
}

/**
 * What of an error goes into the log. Database drivers attach the statement, its parameters and
 * the failing row (PGlite: query, params; PostgreSQL: detail) — which can hold what a reporter
 * typed, contact details included — so only the fields that locate the fault are kept.
 */
export interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function loggableError(error: unknown): LoggedError {
  if (!(error instanceof Error)) {
    const message = (error as { message?: unknown } | null)?.message;
    return {
      type: 'unknown',
      message: redactText(typeof message === 'string' ? message : String(error)),
      stack: '',
    };
  }
  const e = error as Error & Record<string, unknown>;
  const cause = e.cause instanceof Error ? loggableError(e.cause) : undefined;
  const message = safeMessage(e);
  return {
    // DrizzleQueryError does not name itself; its name would be plain "Error".
    type: error instanceof DrizzleQueryError ? 'DrizzleQueryError' : e.name,
    message,
    stack: safeStack(e.stack, e.name, message) ?? '',
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    ...(typeof e.table === 'string' ? { table: e.table } : {}),
    ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}),
    ...(typeof e.column === 'string' ? { column: e.column } : {}),
    ...(cause ? { cause } : {}),
  };
}

/** One line for a person reading a terminal (the command-line tools), as safe as a log line. */
export function errorText(error: unknown): string {
  const safe = loggableError(error);
  const cause = safe.cause as { message?: unknown } | undefined;
  return [safe.message, cause?.message].filter((m) => typeof m === 'string' && m !== '').join(': ');
}

/** pino's serializers for every logger of the process. */
export const logSerializers = {
  req: requestSerializer,
  err: (error: Error) => loggableError(error),
};

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Keeps a caller's X-Request-Id when it is short and plain (for tracing across a proxy). */
export function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}
