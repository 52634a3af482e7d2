// The staff SPA's API types, generated from the OpenAPI document the server publishes, so the two
// cannot drift (docs/decisions/0014-spa-types-from-openapi.md):
//   admin/src/api/openapi.json  the document (GET /api/openapi.json), keys sorted
//   admin/src/api/schema.d.ts   its TypeScript types (`paths`, `components`), by openapi-typescript
//   admin/src/api/enums.ts      the value lists the SPA shows (statuses, event kinds, channels, …),
//                               read from the document at the places named in ENUMS below
//   node scripts/api-types.ts   (npm run api:types) writes all three
// test/docs/api-types.test.ts generates them in memory and fails when the checked-in files differ.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import stringify from 'safe-stable-stringify';
import { buildApp } from '../src/app.ts';
import type { AppContext } from '../src/app-context.ts';
import { loadConfig } from '../src/config.ts';
import { typesFromOpenApi } from './api-types-tool/index.ts';

export const API_DIR = fileURLToPath(new URL('../admin/src/api/', import.meta.url));
export const API_FILES = {
  openapi: path.join(API_DIR, 'openapi.json'),
  schema: path.join(API_DIR, 'schema.d.ts'),
  enums: path.join(API_DIR, 'enums.ts'),
} as const;
export type ApiFile = keyof typeof API_FILES;

/**
 * A stand-in for everything but the configuration: building the app and generating its document
 * uses none of it (routes use their context only when a request comes; a few keep a reference,
 * such as `ctx.db.db`, which the stand-in hands out), so no database is opened. Should building
 * ever call into one, generation fails here with the name of what was called.
 */
function unavailable(name: string): never {
  const standIn: object = new Proxy(() => {}, {
    get: (_target, property) =>
      property === 'then' ? undefined : unavailable(`${name}.${String(property)}`),
    apply: () => {
      throw new Error(`api:types builds the app without its services, but ${name}() was called`);
    },
  });
  return standIn as never;
}

/** The OpenAPI document exactly as the server publishes it at /api/openapi.json. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const ctx: AppContext = {
    // Defaults, not this machine's environment: the document is the same wherever it is made.
    config: loadConfig({}),
    db: unavailable('ctx.db'),
    jobs: unavailable('ctx.jobs'),
    locator: unavailable('ctx.locator'),
    catalog: unavailable('ctx.catalog'),
    photos: unavailable('ctx.photos'),
    secret: Buffer.alloc(32),
    keyring: unavailable('ctx.keyring'),
  };
  const app = await buildApp(ctx, false);
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** JSON with every object's keys sorted, so a diff shows only what changed. */
function stableJson(value: unknown): string {
  return `${stringify(value, null, 2)}\n`;
}

const STAFF = '/api/v1/staff/m/{kommunenummer}';
/**
 * The value lists the SPA needs at run time (types alone have no values), each read from one place
 * in the document: a JSON pointer to a schema with an `enum`. A list that moves or disappears
 * fails generation, naming the pointer.
 */
const ENUMS: Record<string, string> = {
  REPORT_STATUSES: `/paths/${STAFF}/reports/{id}/get/responses/200/content/application~1json/schema/properties/status`,
  PRIORITIES: `/paths/${STAFF}/reports/{id}/get/responses/200/content/application~1json/schema/properties/priority`,
  REPORT_CHANNELS: `/paths/${STAFF}/reports/{id}/get/responses/200/content/application~1json/schema/properties/channel`,
  HISTORY_KINDS: `/paths/${STAFF}/reports/{id}/get/responses/200/content/application~1json/schema/properties/history/items/properties/kind`,
  NOTIFY_CHANNELS: `/paths/${STAFF}/reports/{id}/contact/get/responses/200/content/application~1json/schema/properties/notify`,
  INBOX_SORTS: `/paths/${STAFF}/reports/get/parameters/@sort/schema`,
  STAFF_ROLES: `/paths/${STAFF}/admin/users/get/responses/200/content/application~1json/schema/properties/users/items/properties/roles/items`,
  QUESTION_TYPES: `/paths/${STAFF}/admin/categories/get/responses/200/content/application~1json/schema/properties/categories/items/properties/questions/items/properties/type`,
  PUBLIC_LOCATIONS: `/paths/${STAFF}/admin/categories/get/responses/200/content/application~1json/schema/properties/categories/items/properties/publicLocation`,
  MESSAGE_KINDS: `/paths/${STAFF}/admin/message-templates/get/responses/200/content/application~1json/schema/properties/templates/items/properties/kind`,
  MESSAGE_CHANNELS: `/paths/${STAFF}/admin/message-templates/get/responses/200/content/application~1json/schema/properties/templates/items/properties/channel`,
  NOTICE_TYPES: `/paths/${STAFF}/notices/{id}/get/responses/200/content/application~1json/schema/properties/type`,
};

/**
 * Follows a JSON pointer (RFC 6901) whose segments may also be `@name`: the entry of an array
 * (an operation's parameters) whose `name` is that.
 */
function resolve(document: unknown, pointer: string): unknown {
  const pathPart = pointer.match(/^\/paths\/(\/api\/.*?)\/(get|post|put|patch|delete)(\/.*)$/);
  const segments = pathPart
    ? ['paths', pathPart[1] as string, pathPart[2] as string, ...(pathPart[3] as string).slice(1).split('/')]
    : pointer.slice(1).split('/');
  let node = document;
  for (const raw of segments) {
    const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (Array.isArray(node) && segment.startsWith('@')) {
      node = node.find((entry: { name?: unknown }) => entry.name === segment.slice(1));
    } else if (typeof node === 'object' && node !== null) {
      node = (node as Record<string, unknown>)[segment];
    } else {
      node = undefined;
    }
    if (node === undefined) break;
  }
  return node;
}

/** A schema's values: its `enum`, or those of an `anyOf` of one-value enums or consts (TypeBox unions of literals). */
function enumValues(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const { enum: values, anyOf } = schema as { enum?: unknown; anyOf?: unknown };
  if (values !== undefined) return values;
  if (!Array.isArray(anyOf)) return undefined;
  return anyOf.map((member: { enum?: unknown[]; const?: unknown }) =>
    member.enum?.length === 1 ? member.enum[0] : member.const,
  );
}

function enumsModule(document: unknown): string {
  const lines = [
    '// Generated by `npm run api:types` from openapi.json (scripts/api-types.ts): do not edit.',
    '// The value lists of the staff API, in the order the server gives them.',
    '',
  ];
  for (const [name, pointer] of Object.entries(ENUMS)) {
    const values = enumValues(resolve(document, pointer));
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) {
      throw new Error(`api:types: ${name} has no string enum at ${pointer} in the OpenAPI document`);
    }
    lines.push(`export const ${name} = [${values.map((v) => `'${v}'`).join(', ')}] as const;`);
  }
  return `${lines.join('\n')}\n`;
}

/** The three files' contents, generated from the app as it is now. */
export async function generateApiFiles(): Promise<Record<ApiFile, string>> {
  const document = await openApiDocument();
  // Sorted and parsed back, so the types are generated from exactly what is checked in.
  const openapi = stableJson(document);
  const sorted = JSON.parse(openapi) as Record<string, unknown>;
  return { openapi, schema: await typesFromOpenApi(sorted), enums: enumsModule(sorted) };
}

/** The checked-in files, or null for one that is missing. */
export async function readApiFiles(): Promise<Record<ApiFile, string | null>> {
  const read = (file: string) => readFile(file, 'utf8').catch(() => null);
  return {
    openapi: await read(API_FILES.openapi),
    schema: await read(API_FILES.schema),
    enums: await read(API_FILES.enums),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = await generateApiFiles();
  for (const [name, text] of Object.entries(files) as [ApiFile, string][]) {
    await writeFile(API_FILES[name], text);
    console.log(`wrote ${path.relative(process.cwd(), API_FILES[name])}`);
  }
}
