// A Leaflet map in a React element, the part every back-office map shares: the map itself (at the
// fallback centre until its owner fits it), one layer group for the owner's shapes, clicks handed
// to the owner, a size that follows the element, and the server's background tiles with their
// attribution (none: a plain background).
import L from 'leaflet';
import { type RefObject, useEffect, useRef } from 'react';
import type { MapTiles } from '../pages/inbox/directory.ts';

const FALLBACK_CENTER: L.LatLngTuple = [59.14, 9.66];

/** Leaflet puts the attribution in as HTML; the server's text is shown as text. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The owner's refs (its own useRef, so its effects may read them): filled while mounted. */
export interface LeafletMap {
  map: RefObject<L.Map | null>;
  /** Where the owner draws; cleared and refilled by it. */
  layer: RefObject<L.LayerGroup | null>;
}

export function useLeafletMap(
  element: RefObject<HTMLElement | null>,
  { map, layer }: LeafletMap,
  options: { zoom: number; onClick?: ((lat: number, lon: number) => void) | undefined },
  tiles: MapTiles | undefined,
): void {
  const onClick = useRef(options.onClick);
  onClick.current = options.onClick;
  const zoom = options.zoom;
  const tileUrl = tiles?.tileUrl ?? '';
  const attribution = tiles?.attribution ?? '';

  useEffect(() => {
    if (!element.current) return;
    // maxZoom as the tiles have it, set on the map too: without tiles the map would have none, and
    // clustering (the assets layer) needs one.
    const m = L.map(element.current, { zoomControl: true, attributionControl: false, maxZoom: 19 });
    m.setView(FALLBACK_CENTER, zoom);
    m.on('click', (event: L.LeafletMouseEvent) => onClick.current?.(event.latlng.lat, event.latlng.lng));
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    // The container may get its size after the first paint (a collapsed panel opening).
    const observer = new ResizeObserver(() => m.invalidateSize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      m.remove();
      map.current = null;
    };
  }, [element, map, layer, zoom]);

  useEffect(() => {
    const m = map.current;
    if (!m || !tileUrl) return;
    const background = L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(m);
    const credit = L.control.attribution({ prefix: false }).addTo(m);
    if (attribution) credit.addAttribution(escapeHtml(attribution));
    return () => {
      background.remove();
      credit.remove();
    };
  }, [map, tileUrl, attribution]);
}
