import { type TUnsafe, Type } from 'typebox';

/** A string that must be one of `values`: `{ type: "string", enum: [...] }` in the OpenAPI document. */
export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}
