// Walks a route's input schemas (body, querystring, params, headers) and lists every place where
// input is not bounded: a string without maxLength, an array without maxItems, a record (an
// object with pattern or additional properties) without maxProperties.

/** A string is bounded by its length, by being one of a list, or by a format of fixed length. */
const FIXED_LENGTH_FORMATS = new Set(['uuid', 'date']);

/** `^…$` with no `*`, `+` or open `{n,}`: it cannot match more than a bounded number of characters. */
function isBoundedPattern(pattern: unknown): boolean {
  return (
    typeof pattern === 'string' &&
    pattern.startsWith('^') &&
    pattern.endsWith('$') &&
    !/[*+]|\{\d*,\}/.test(pattern.replace(/\\./g, ''))
  );
}

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typesOf(schema: Schema): string[] {
  const type = schema.type;
  return Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
}

export function unboundedInputs(schema: unknown, path: string, problems: string[] = []): string[] {
  if (!isSchema(schema)) return problems;
  const types = typesOf(schema);
  if (types.includes('string')) {
    const bounded =
      typeof schema.maxLength === 'number' ||
      Array.isArray(schema.enum) ||
      'const' in schema ||
      FIXED_LENGTH_FORMATS.has(String(schema.format)) ||
      isBoundedPattern(schema.pattern);
    if (!bounded) problems.push(`${path}: string without maxLength`);
  }
  if (types.includes('array') && typeof schema.maxItems !== 'number') {
    problems.push(`${path}: array without maxItems`);
  }
  const isRecord =
    isSchema(schema.patternProperties) ||
    isSchema(schema.additionalProperties) ||
    schema.additionalProperties === true;
  if (types.includes('object') && isRecord && typeof schema.maxProperties !== 'number') {
    problems.push(`${path}: record without maxProperties`);
  }
  if (isSchema(schema.properties)) {
    for (const [name, child] of Object.entries(schema.properties))
      unboundedInputs(child, `${path}.${name}`, problems);
  }
  if (isSchema(schema.patternProperties)) {
    for (const [name, child] of Object.entries(schema.patternProperties)) {
      unboundedInputs(child, `${path}[${name}]`, problems);
    }
  }
  if (isSchema(schema.additionalProperties))
    unboundedInputs(schema.additionalProperties, `${path}[*]`, problems);
  if (isSchema(schema.items)) unboundedInputs(schema.items, `${path}[]`, problems);
  if (Array.isArray(schema.prefixItems)) {
    for (const [i, child] of schema.prefixItems.entries()) unboundedInputs(child, `${path}[${i}]`, problems);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list))
      for (const [i, child] of list.entries()) unboundedInputs(child, `${path}<${key}${i}>`, problems);
  }
  if (isSchema(schema.not)) unboundedInputs(schema.not, `${path}<not>`, problems);
  return problems;
}
