// Named prepared statements on PGlite. PGlite's `query` parses, describes and plans its statement
// on every call (an unnamed statement). For the report's one large statement, planning took
// longer than running it (measured with EXPLAIN ANALYZE: planning 1.2 ms, execution 0.8 ms), and
// PGlite runs every statement on the event loop. A named statement is parsed and described once
// per database instance; later calls only bind and execute, as `queryPrepared` does on a
// PostgreSQL server through pg's named statements.
//
// Uses PGlite's public protocol API (execProtocol, runExclusive, parsers, serializers) in the
// same order its own `query` does; the caller holds the query gate.
import { type PGlite, parse, protocol } from '@electric-sql/pglite';

const { serialize } = protocol;

/** Per database instance: statement name → the parameter types PostgreSQL inferred. */
const preparedOn = new WeakMap<PGlite, Map<string, number[]>>();

async function prepare(pglite: PGlite, name: string, text: string): Promise<number[]> {
  const messages = [];
  try {
    await pglite.execProtocol(serialize.parse({ name, text }), { syncToFs: false });
    messages.push(
      ...(await pglite.execProtocol(serialize.describe({ type: 'S', name }), { syncToFs: false })).messages,
    );
  } finally {
    messages.push(...(await pglite.execProtocol(serialize.sync(), { syncToFs: false })).messages);
  }
  return parse.parseDescribeStatementResults(messages);
}

function serializeValues(pglite: PGlite, types: number[], params: readonly unknown[]): (string | null)[] {
  return params.map((value, index) => {
    if (value === null || value === undefined) return null;
    const type = types[index];
    const serializer = type === undefined ? undefined : pglite.serializers[type];
    return serializer ? serializer(value) : String(value);
  });
}

/** Runs `text` as the named statement `name` (prepared on first use) and returns its rows. */
export async function queryNamedOnPglite<T>(
  pglite: PGlite,
  name: string,
  text: string,
  params: readonly unknown[],
): Promise<T[]> {
  return pglite.runExclusive(async () => {
    let statements = preparedOn.get(pglite);
    if (!statements) {
      statements = new Map();
      preparedOn.set(pglite, statements);
    }
    let types = statements.get(name);
    if (!types) {
      // A statement that fails to parse (a missing sequence, say) is not remembered.
      types = await prepare(pglite, name, text);
      statements.set(name, types);
    }
    const messages = [];
    try {
      const values = serializeValues(pglite, types, params);
      messages.push(
        ...(await pglite.execProtocol(serialize.bind({ statement: name, values }), { syncToFs: false }))
          .messages,
        ...(await pglite.execProtocol(serialize.describe({ type: 'P' }), { syncToFs: false })).messages,
        ...(await pglite.execProtocol(serialize.execute({}), { syncToFs: false })).messages,
      );
    } finally {
      messages.push(...(await pglite.execProtocol(serialize.sync(), { syncToFs: false })).messages);
    }
    if (!pglite.isInTransaction()) await pglite.syncToFs();
    const [result] = parse.parseResults(messages, pglite.parsers);
    return (result?.rows ?? []) as T[];
  });
}
