// Names for the shapes of the generated API types (schema.d.ts), so pages say `Answer<'/api/…'>`
// instead of indexing `paths` by hand. Every shape the SPA reads from the server comes from here.
import type { paths } from './schema.d.ts';

export * from './enums.ts';
export type { components, paths } from './schema.d.ts';

type Method = 'get' | 'post' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = M extends keyof paths[P] ? paths[P][M] : never;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Success<R> = R extends { 200: infer A }
  ? A
  : R extends { 201: infer A }
    ? A
    : R extends { 202: infer A }
      ? A
      : never;

/** The JSON a path answers a method with (its 200, 201 or 202). */
export type Answer<P extends keyof paths, M extends Method = 'get'> = Json<
  Success<Operation<P, M> extends { responses: infer R } ? R : never>
>;

/** The JSON body a path takes with a method. */
export type Body<P extends keyof paths, M extends Method = 'post'> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? Json<NonNullable<B>>
    : never;

/** The query parameters a path takes with a method. */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = NonNullable<
  Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never
>;
