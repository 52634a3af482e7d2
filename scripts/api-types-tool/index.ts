// openapi-typescript needs TypeScript 5's compiler API, which TypeScript 7 (the project's compiler)
// no longer has: this small package carries both, installed by npm into its own node_modules
// (root package.json: "meldepunkt-api-types-tool": "file:scripts/api-types-tool").
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript';

/** TypeScript declarations (`paths`, `components`, `operations`) for an OpenAPI 3 document. */
export async function typesFromOpenApi(document: object): Promise<string> {
  // Union types, no TypeScript enums: the SPA is erasable TypeScript (see admin/tsconfig.json).
  const nodes = await openapiTS(document as OpenAPI3, { silent: true, enum: false });
  return COMMENT_HEADER + astToString(nodes);
}
