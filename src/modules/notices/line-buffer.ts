// A notice's area as a buffer along a line (a street, a main): staff give the line's points and a
// distance, and get every place within that distance of the line. Each segment becomes a
// "capsule" (a rectangle with a half circle on each end) and the area is the MultiPolygon of
// the overlapping capsules: the union is exactly the buffer (round joins included), and
// point-in-MultiPolygon ("inside any part") needs no polygon union. Computed in a local flat
// projection around each segment, which is exact to well under a metre over a few kilometres.
import type { ErrorDetail, Message } from '../../shared/errors.ts';

/** [lon, lat] in WGS84. Defined here, not in areas.ts, so the staff SPA can import this file alone. */
export type Position = number[];

/** One capsule per segment, each a polygon of the MultiPolygon: at most MAX_POLYGONS (20) of them. */
export const MAX_LINE_POINTS = 21;
export const MIN_BUFFER_METRES = 10;
export const MAX_BUFFER_METRES = 2_000;
/** Vertices on each half circle. */
const CAP_STEPS = 16;
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

export const lineMessages = {
  linePoints: (max: number): Message => ({
    nb: `En linje må ha mellom 2 og ${max} punkter.`,
    nn: `Ei linje må ha mellom 2 og ${max} punkt.`,
    en: `A line must have between 2 and ${max} points.`,
  }),
  bufferOutOfRange: (min: number, max: number): Message => ({
    nb: `Avstanden fra linjen må være mellom ${min} og ${max} meter.`,
    nn: `Avstanden frå linja må vere mellom ${min} og ${max} meter.`,
    en: `The distance from the line must be between ${min} and ${max} metres.`,
  }),
};

function round(value: number): number {
  return Math.round(value * 1e7) / 1e7;
}

/** The capsule around segment a→b, a closed counterclockwise ring of [lon, lat]. */
export function capsule(a: Position, b: Position, metres: number): Position[] {
  const [lon1 = 0, lat1 = 0] = a;
  const [lon2 = 0, lat2 = 0] = b;
  const lat0 = (lat1 + lat2) / 2;
  const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  // In metres, with a at the origin.
  const bx = (lon2 - lon1) * kx;
  const by = (lat2 - lat1) * ky;
  const heading = bx === 0 && by === 0 ? 0 : Math.atan2(by, bx);
  const ring: Position[] = [];
  const arc = (cx: number, cy: number, from: number) => {
    for (let i = 0; i <= CAP_STEPS; i++) {
      const angle = from + (Math.PI * i) / CAP_STEPS;
      const x = cx + metres * Math.cos(angle);
      const y = cy + metres * Math.sin(angle);
      ring.push([round(lon1 + x / kx), round(lat1 + y / ky)]);
    }
  };
  // Counterclockwise: round the far end from the right side to the left, then the near end back.
  arc(bx, by, heading - Math.PI / 2);
  arc(0, 0, heading + Math.PI / 2);
  const first = ring[0];
  if (first) ring.push([...first]);
  return ring;
}

/** The line's points and distance checked, with field names under `base`; problems in `errors`. */
export function checkLine(line: Position[], metres: number, base: string, errors: ErrorDetail[]): void {
  if (line.length < 2 || line.length > MAX_LINE_POINTS) {
    errors.push({
      field: `${base}.coordinates`,
      code: 'line_points',
      message: lineMessages.linePoints(MAX_LINE_POINTS),
    });
  }
  if (!Number.isFinite(metres) || metres < MIN_BUFFER_METRES || metres > MAX_BUFFER_METRES) {
    errors.push({
      field: `${base}.bufferMetres`,
      code: 'buffer_out_of_range',
      message: lineMessages.bufferOutOfRange(MIN_BUFFER_METRES, MAX_BUFFER_METRES),
    });
  }
}

/** One polygon (a capsule) per segment of the line. */
export function bufferLine(line: Position[], metres: number): Position[][][] {
  const polygons: Position[][][] = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const a = line[i];
    const b = line[i + 1];
    if (a && b) polygons.push([capsule(a, b, metres)]);
  }
  return polygons;
}
