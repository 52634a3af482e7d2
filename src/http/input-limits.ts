// Input is bounded and clean before anything looks at it:
// - every route's schemas are listed in `app.inputRoutes`, so a test can hold each of them to
//   limits (every string a maxLength, every array maxItems, every record maxProperties);
// - control characters (C0 but tab/CR/LF, DEL, C1) in a query, a path or a JSON body are a 400
//   naming the field, before validation. PostgreSQL cannot store U+0000 at all, and the others
//   hide text in logs and mails. Pages' form posts are read by their own field tables (see
//   web/form-fields.ts), which show the problem on the form instead of an error page; a field a
//   schema marks `format: 'single-line'` also refuses tab and line breaks.
import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import { inputMessages } from '../i18n/input-messages.ts';
import { AppError } from '../shared/errors.ts';
import { hasControlCharacters } from '../shared/text.ts';

declare module 'fastify' {
  interface FastifyInstance {
    inputRoutes: InputRouteInfo[];
  }
}

export interface InputRouteInfo {
  method: string;
  url: string;
  schema: FastifySchema | undefined;
  page: boolean;
}

/** Ajv formats for free text: one line (names, addresses, emails) or several (descriptions). */
export const TEXT_FORMATS = {
  'single-line': (text: string) => !hasControlCharacters(text, false),
  'multi-line': (text: string) => !hasControlCharacters(text, true),
};

/** The first string (depth-first) with a control character, as a field path; undefined if none. */
export function fieldWithControlCharacters(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return hasControlCharacters(value, true) ? path || 'body' : undefined;
  if (depth > 32 || typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = fieldWithControlCharacters(item, path ? `${path}.${index}` : String(index), depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (hasControlCharacters(key, false)) return path || 'body';
    const found = fieldWithControlCharacters(item, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function controlCharactersError(field: string): AppError {
  const message = inputMessages.controlCharacters();
  return new AppError(400, 'control_characters', message, [{ field, code: 'control_characters', message }]);
}

/** Refuses control characters in the query, the path parameters and (outside pages) the body. */
export async function refuseControlCharacters(request: FastifyRequest): Promise<void> {
  const found =
    fieldWithControlCharacters(request.query, '') ??
    fieldWithControlCharacters(request.params, '') ??
    (request.routeOptions.config?.page === true ? undefined : fieldWithControlCharacters(request.body, ''));
  if (found) throw controlCharactersError(found);
}

export const inputLimits = fp(
  async (app: FastifyInstance) => {
    const routes: InputRouteInfo[] = [];
    app.decorate('inputRoutes', routes);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        routes.push({ method, url: route.url, schema: route.schema, page: route.config?.page === true });
      }
    });
    app.addHook('preValidation', refuseControlCharacters);
  },
  { name: 'input-limits' },
);
