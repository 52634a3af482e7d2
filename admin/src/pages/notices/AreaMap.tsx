// The notice's area on a Leaflet map: a point and a radius (a click moves the point) or the
// polygons of an uploaded file, of a saved version, or drawn here with Leaflet-Geoman (MIT,
// maintained, Leaflet ≥ 1.2), or a line drawn here (a street, a main) shown with its buffer. The number fields and the file input beside it set the area too, so
// it can be chosen without a pointer (keyboard, screen reader).
import 'leaflet/dist/leaflet.css';
import type { PM } from 'leaflet';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useLeafletMap } from '../../components/use-leaflet-map.ts';
import type { MapTiles } from '../inbox/directory.ts';

export type Polygons = number[][][][];

interface Props {
  center?: { lat: number; lon: number } | undefined;
  radiusMetres?: number | undefined;
  polygons?: Polygons | undefined;
  onPick?: (lat: number, lon: number) => void;
  /** Offers the polygon and rectangle tools; each finished shape is handed over as GeoJSON rings. */
  onDraw?: (polygon: number[][][]) => void;
  /** Offers the line tool too; the finished line is handed over as GeoJSON positions. */
  onDrawLine?: (line: number[][]) => void;
  /** A drawn line, shown over its buffer (which comes as `polygons`). */
  line?: number[][] | undefined;
  /** The toolbar's language: Geoman has Norwegian ('no') and English. */
  language?: 'nb' | 'nn' | 'en';
  tiles?: MapTiles | undefined;
  label: string;
}

export function AreaMap({
  center,
  radiusMetres,
  polygons,
  line,
  onPick,
  onDraw,
  onDrawLine,
  language,
  tiles,
  label,
}: Props) {
  const element = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  useLeafletMap(element, { map, layer }, { zoom: 13, onClick: onPick }, tiles);
  const draw = useRef(onDraw);
  draw.current = onDraw;
  const drawLine = useRef(onDrawLine);
  drawLine.current = onDrawLine;
  const drawable = Boolean(onDraw);
  const lines = Boolean(onDrawLine);

  useEffect(() => {
    const m = map.current;
    if (!m || !drawable) return;
    let active = true;
    // The drawn layer is only a sketch: the form's state holds the area, and the effect below
    // draws it again from there, so both always show the same.
    const created: PM.CreateEventHandler = (event) => {
      const shape = event.layer;
      // A polygon is a polyline too in Leaflet: ask for the polygon first.
      if (shape instanceof L.Polygon) {
        const geometry = shape.toGeoJSON().geometry;
        if (geometry.type === 'Polygon') draw.current?.(geometry.coordinates);
      } else if (shape instanceof L.Polyline) {
        const geometry = shape.toGeoJSON().geometry;
        if (geometry.type === 'LineString') drawLine.current?.(geometry.coordinates);
      }
      shape.remove();
    };
    import('./geoman.ts').then(
      () => {
        if (!active) return;
        // The plugin equips maps made after it loaded; this one came first. reInitLayer handles a
        // map at run time (it checks `instanceof L.Map`), though its types only name layers.
        if (!m.pm) L.PM.reInitLayer(m as unknown as L.Layer);
        m.pm.setLang(language === 'en' ? 'en' : 'no');
        m.pm.addControls({
          position: 'topleft',
          drawMarker: false,
          drawCircleMarker: false,
          drawPolyline: lines,
          drawCircle: false,
          drawText: false,
          drawRectangle: true,
          drawPolygon: true,
          editMode: false,
          dragMode: false,
          cutPolygon: false,
          removalMode: false,
          rotateMode: false,
        });
        // Geoman puts each tool's name in a title on the wrapper, not on the focusable button: give
        // the button the name, so screen readers (and axe) know what it does.
        for (const button of m.getContainer().querySelectorAll<HTMLElement>('.button-container[title] > a')) {
          button.setAttribute('aria-label', button.parentElement?.getAttribute('title') ?? '');
        }
        m.on('pm:create', created);
      },
      // Without the plugin (a failed chunk load) the point, radius and file still set the area.
      () => undefined,
    );
    return () => {
      active = false;
      m.off('pm:create', created);
      if (m.pm) m.pm.removeControls();
    };
  }, [drawable, lines, language]);

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
      if (line && line.length > 1) {
        group.addLayer(
          L.polyline(
            line.map(([lon = 0, lat = 0]) => [lat, lon] as L.LatLngTuple),
            { color: '#003b5c', weight: 3, dashArray: '6 4' },
          ),
        );
      }
      const bounds = L.featureGroup(shapes).getBounds();
      if (bounds.isValid()) m.fitBounds(bounds, { padding: [16, 16], maxZoom: 16 });
      return;
    }
    if (center) {
      const circle = L.circle([center.lat, center.lon], { ...style, radius: radiusMetres ?? 100 });
      group.addLayer(circle);
      m.fitBounds(circle.getBounds(), { padding: [16, 16], maxZoom: 16 });
    }
  }, [center, radiusMetres, polygons, line]);

  return <section ref={element} className="notice-map" aria-label={label} />;
}
