// Every error leaves the server in one shape, `{ error: { code, message, details } }`, with the
// message in the caller's language. Bad input is a 4xx with a reason, never a 5xx.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { inputMessages } from '../i18n/input-messages.ts';
import { messages } from '../i18n/messages.ts';
import { AppError, type ErrorDetail, type Message } from '../shared/errors.ts';
import { requestLanguage } from './language.ts';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable, machine-readable error code' }),
      message: Type.String({ description: "What went wrong, in the caller's language" }),
      details: Type.Array(
        Type.Object({
          field: Type.String({ description: 'Path of the offending input, e.g. "location.lat"' }),
          code: Type.String(),
          message: Type.String(),
        }),
      ),
    }),
  },
  { $id: 'ErrorResponse', description: 'The shape of every error' },
);

export const errorResponseRef = Type.Ref('ErrorResponse');

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const path = (issue.instancePath ?? '').split('/').filter(Boolean).join('.');
  const missing = issue.params?.missingProperty;
  const base = typeof missing === 'string' ? [path, missing].filter(Boolean).join('.') : path;
  return base || context || 'body';
}

/** A failed `single-line`/`multi-line` format: the text has control characters (input-limits.ts). */
function isTextFormat(issue: ValidationIssue): boolean {
  return (
    issue.keyword === 'format' &&
    (issue.params?.format === 'single-line' || issue.params?.format === 'multi-line')
  );
}

function translateKnownError(error: FastifyError, bodyLimit: number): AppError | undefined {
  if (error.validation) {
    const details: ErrorDetail[] = (error.validation as ValidationIssue[]).map((issue) =>
      isTextFormat(issue)
        ? {
            field: fieldOf(issue, error.validationContext),
            code: 'control_characters',
            message: inputMessages.controlCharacters(),
          }
        : {
            field: fieldOf(issue, error.validationContext),
            code: issue.keyword ?? 'invalid',
            message: messages.invalidField(issue.message ?? 'invalid'),
          },
    );
    return new AppError(400, 'invalid_request', messages.invalidRequest(), details);
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'body_too_large', messages.bodyTooLarge(bodyLimit));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', messages.unsupportedMediaType());
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'invalid_json', messages.invalidJson());
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError(400, 'invalid_json', messages.invalidJson());
  }
  return undefined;
}

/** Renders an error as an HTML page, for requests a person made from a page. */
export type HtmlErrorRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  message: Message,
) => FastifyReply | Promise<FastifyReply>;

function wantsPage(request: FastifyRequest): boolean {
  return request.routeOptions.config?.page === true;
}

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  message: Message,
  details: ErrorDetail[],
  htmlErrors?: HtmlErrorRenderer,
) {
  if (htmlErrors && wantsPage(request)) return htmlErrors(request, reply, status, message);
  const language = requestLanguage(request);
  return reply.status(status).send({
    error: {
      code,
      message: message[language],
      details: details.map((d) => ({ field: d.field, code: d.code, message: d.message[language] })),
    },
  });
}

export { loggableError } from './logging.ts';

export function installErrorHandling(
  app: FastifyInstance,
  bodyLimit: number,
  htmlErrors?: HtmlErrorRenderer,
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // A route may allow more than the app's limit (a notice's areas): the message names its own.
    const limit = request.routeOptions.bodyLimit ?? bodyLimit;
    const known = error instanceof AppError ? error : translateKnownError(error, limit);
    if (known) {
      // A refusal the client may retry later (photos busy) says when.
      const retryAfter = (known as { retryAfterSeconds?: unknown }).retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      if (known.status >= 500 && retryAfter === undefined)
        request.log.error({ err: error }, 'request failed');
      return send(reply, request, known.status, known.code, known.localized, known.details, htmlErrors);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // A client error from Fastify or a plugin that we have no dedicated message for.
      return send(
        reply,
        request,
        status,
        error.code ?? 'bad_request',
        messages.invalidField(error.message),
        [],
        htmlErrors,
      );
    }
    request.log.error({ err: error }, 'request failed');
    return send(reply, request, 500, 'internal_error', messages.internalError(), [], htmlErrors);
  });
  app.setNotFoundHandler((request, reply) => {
    // Addresses outside the API are pages a person typed or followed: answer with a page.
    if (htmlErrors && !request.url.startsWith('/api/'))
      return htmlErrors(request, reply, 404, messages.routeNotFound());
    return send(reply, request, 404, 'route_not_found', messages.routeNotFound(), []);
  });
}
