// Reads a GeoJSON FeatureCollection as it streams in, one feature at a time, without parsing the
// whole file: a scanner follows strings and nesting, picks out the collection's `crs` member and
// each element of `features`, and hands over each feature's own text for JSON.parse. Memory stays
// at one chunk plus one feature (features larger than `maxFeatureChars` are counted, not kept).

export type ScanEvent =
  | { kind: 'crs'; value: unknown }
  | { kind: 'feature'; number: number; text: string }
  | { kind: 'too_large'; number: number };

/** Why a file cannot be read as a FeatureCollection at all (the import stops). */
export class GeoJsonShapeError extends Error {
  readonly problem: 'not_object' | 'no_features' | 'truncated';
  constructor(problem: 'not_object' | 'no_features' | 'truncated') {
    super(problem);
    this.problem = problem;
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;
const COMMA = 44;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

export async function* scanFeatureCollection(
  chunks: AsyncIterable<string>,
  maxFeatureChars = 1024 * 1024,
): AsyncGenerator<ScanEvent> {
  let depth = 0;
  let started = false;
  let inString = false;
  let escaped = false;
  // Keys of the root object: the string just read at depth 1, and the key whose value comes.
  let expectKey = false;
  let keyText: string | null = null;
  let currentKey: string | null = null;
  let inFeatures = false;
  let sawFeatures = false;
  // The member or feature being captured: its kind, the depth it closes at, and its text so far.
  let capture: 'crs' | 'feature' | null = null;
  let captureDepth = 0;
  let captured = '';
  let capturedLength = 0;
  let featureNumber = 0;

  for await (const chunk of chunks) {
    const events: ScanEvent[] = [];
    let captureFrom = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) inString = false;
        if (keyText !== null && depth === 1 && !capture) {
          if (inString || escaped) keyText += chunk[i];
        }
        continue;
      }
      if (!started) {
        if (isSpace(c)) continue;
        if (c !== OPEN_BRACE) throw new GeoJsonShapeError('not_object');
        started = true;
        depth = 1;
        expectKey = true;
        continue;
      }
      if (c === QUOTE) {
        inString = true;
        if (depth === 1 && expectKey && !capture) keyText = '';
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (!capture && depth === 1 && currentKey === 'crs' && c === OPEN_BRACE) {
          capture = 'crs';
          captureDepth = 1;
          captureFrom = i;
          captured = '';
          capturedLength = 0;
        } else if (!capture && depth === 1 && currentKey === 'features' && c === OPEN_BRACKET) {
          inFeatures = true;
          sawFeatures = true;
        } else if (!capture && inFeatures && depth === 2 && c === OPEN_BRACE) {
          capture = 'feature';
          captureDepth = 2;
          captureFrom = i;
          captured = '';
          capturedLength = 0;
          featureNumber += 1;
        }
        depth += 1;
        continue;
      }
      if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        depth -= 1;
        if (capture && depth === captureDepth) {
          capturedLength += i + 1 - captureFrom;
          if (capturedLength <= maxFeatureChars) captured += chunk.slice(captureFrom, i + 1);
          if (capture === 'crs') {
            try {
              events.push({ kind: 'crs', value: JSON.parse(captured) });
            } catch {
              events.push({ kind: 'crs', value: null });
            }
          } else if (capturedLength > maxFeatureChars) {
            events.push({ kind: 'too_large', number: featureNumber });
          } else {
            events.push({ kind: 'feature', number: featureNumber, text: captured });
          }
          capture = null;
          captured = '';
        } else if (inFeatures && depth === 1) {
          inFeatures = false;
        }
        if (depth === 0) {
          // The root object is closed; whatever follows is not ours to read.
          yield* events;
          if (!sawFeatures) throw new GeoJsonShapeError('no_features');
          return;
        }
        continue;
      }
      if (depth === 1 && !capture) {
        if (c === COLON) {
          currentKey = keyText;
          keyText = null;
          expectKey = false;
        } else if (c === COMMA) {
          currentKey = null;
          expectKey = true;
        }
      }
    }
    if (capture) {
      const length = chunk.length - captureFrom;
      if (capturedLength + length <= maxFeatureChars) captured += chunk.slice(captureFrom);
      capturedLength += length;
    }
    yield* events;
  }
  if (!started) throw new GeoJsonShapeError('not_object');
  throw new GeoJsonShapeError('truncated');
}
