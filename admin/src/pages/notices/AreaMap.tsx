// The notice's area on a Leaflet map: a point and a radius (a click moves the point) or the
// polygons of an uploaded file or a saved version. The number fields beside it say the same, so
// the area can be set without the map (keyboard, screen reader).
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import type { MapTiles } from '../inbox/directory.ts';

export type Polygons = number[][][][];

interface Props {
  center?: { lat: number; lon: number } | undefined;
  radiusMetres?: number | undefined;
  polygons?: Polygons | undefined;
  onPick?: (lat: number, lon: number) => void;
  tiles?: MapTiles | undefined;
  label: string;
}

const FALLBACK_CENTER: L.LatLngTuple = [59.14, 9.66];

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function AreaMap({ center, radiusMetres, polygons, onPick, tiles, label }: Props) {
  const element = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const tileUrl = tiles?.tileUrl ?? '';
  const attribution = tiles?.attribution ?? '';

  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { zoomControl: true, attributionControl: false });
    m.setView(FALLBACK_CENTER, 13);
    m.on('click', (event: L.LeafletMouseEvent) => pick.current?.(event.latlng.lat, event.latlng.lng));
    map.current = m;
    layer.current = L.layerGroup().addTo(m);
    const observer = new ResizeObserver(() => m.invalidateSize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      m.remove();
      map.current = null;
    };
  }, []);

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
  }, [tileUrl, attribution]);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const style = { color: '#005a8c', weight: 2, fillOpacity: 0.2 };
    if (polygons && polygons.length > 0) {
      // GeoJSON is [lon, lat]; Leaflet wants [lat, lon].
      const shapes = polygons.map((rings) =>
        L.polygon(
          rings.map((ring) => ring.map(([lon = 0, lat = 0]) => [lat, lon] as L.LatLngTuple)),
          style,
        ),
      );
      for (const shape of shapes) group.addLayer(shape);
      const bounds = L.featureGroup(shapes).getBounds();
      if (bounds.isValid()) m.fitBounds(bounds, { padding: [16, 16], maxZoom: 16 });
      return;
    }
    if (center) {
      const circle = L.circle([center.lat, center.lon], { ...style, radius: radiusMetres ?? 100 });
      group.addLayer(circle);
      m.fitBounds(circle.getBounds(), { padding: [16, 16], maxZoom: 16 });
    }
  }, [center, radiusMetres, polygons]);

  return <section ref={element} className="notice-map" aria-label={label} />;
}
