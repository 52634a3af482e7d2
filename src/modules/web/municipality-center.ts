import type { AppContext } from '../../app-context.ts';

/** The middle of the municipality's bounding box, where the map opens. */
export function municipalityCenter(ctx: AppContext, kommunenummer: string): { lat: number; lon: number } {
  const boundary = ctx.locator.boundaryOf(kommunenummer);
  if (!boundary) return { lat: 59.91, lon: 10.75 };
  let [minX, minY, maxX, maxY] = [180, 90, -180, -90];
  const polygons =
    boundary.geometry.type === 'Polygon' ? [boundary.geometry.coordinates] : boundary.geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x = 0, y = 0] of polygon[0] ?? []) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }
  return { lat: (minY + maxY) / 2, lon: (minX + maxX) / 2 };
}
