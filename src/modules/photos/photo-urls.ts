// The addresses photos are served at (see routes.ts). Relative, so they work behind any host name.
import type { ReportPhotoRow } from './queries.ts';
import type { PhotoVariant } from './storage.ts';

export interface PublicPhoto {
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
}

export function photoUrl(id: string, variant: PhotoVariant, trackingToken?: string): string {
  const path = `/photos/${id}/${variant}.webp`;
  return trackingToken === undefined ? path : `${path}?token=${encodeURIComponent(trackingToken)}`;
}

/** `trackingToken` goes into the URLs of photos only the reporter may see. */
export function presentPhotos(rows: readonly ReportPhotoRow[], trackingToken?: string): PublicPhoto[] {
  return rows.map((row) => ({
    url: photoUrl(row.id, 'large', trackingToken),
    thumbUrl: photoUrl(row.id, 'thumb', trackingToken),
    width: row.width,
    height: row.height,
  }));
}
