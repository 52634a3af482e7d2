// A Leaflet map of reports: one circle per report, coloured by status (the list beside it says
// the same in words), the chosen one larger. With `onMove`, the chosen report's pin can be
// dragged (or clicked to) a new place. The background tiles come from the server's tile address
// (GET /directory); without one the points show on a plain background.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReportStatus } from '../../components/index.ts';
import { useLeafletMap } from '../../components/use-leaflet-map.ts';
import { useT } from '../../i18n/index.ts';
import { hasRole, useMembership } from '../../session/index.ts';
import { AssetLayerToggle } from '../assets/AssetLayerToggle.tsx';
import { useAssetLayer } from '../assets/asset-layer.ts';
import { ASSET_READERS } from '../assets/assets-api.ts';
import type { MapTiles } from './directory.ts';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  status: ReportStatus;
  label: string;
}

interface Props {
  points: MapPoint[];
  selectedId?: string | undefined;
  onSelect?: (id: string) => void;
  /** Lets the selected point be moved: by dragging its pin, or clicking the map. */
  onMove?: (lat: number, lon: number) => void;
  /** The tile server; none (or an empty url) for a plain background. */
  tiles?: MapTiles | undefined;
  label: string;
  className?: string;
  /** Offers the assets layer (for the roles that may read the asset register), off at first. */
  assetLayer?: boolean;
}

const COLOURS: Record<ReportStatus, string> = {
  mottatt: '#005a8c',
  under_behandling: '#005a8c',
  planlagt: '#005a8c',
  utfort: '#1e6b33',
  duplikat: '#5b6470',
  privat_ansvar: '#5b6470',
  videresendt: '#5b6470',
  avvist: '#5b6470',
  lukket: '#5b6470',
};
export function ReportMap({
  points,
  selectedId,
  onSelect,
  onMove,
  tiles,
  label,
  className,
  assetLayer,
}: Props) {
  const element = useRef<HTMLElement>(null);
  const handlers = useRef({ onSelect, onMove });
  handlers.current = { onSelect, onMove };
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  useLeafletMap(
    element,
    { map, layer },
    { zoom: 12, onClick: (lat, lon) => handlers.current.onMove?.(lat, lon) },
    tiles,
  );
  const movable = Boolean(onMove);
  const t = useT();
  const navigate = useNavigate();
  const membership = useMembership();
  const mayShowAssets = Boolean(assetLayer) && hasRole(membership, ...ASSET_READERS);
  const [showAssets, setShowAssets] = useState(false);
  const assets = useAssetLayer(map, {
    kommunenummer: membership.kommunenummer,
    on: mayShowAssets && showAssets,
    language: t.language,
    onOpen: (id) => navigate(`/m/${membership.kommunenummer}/assets/${id}`),
  });

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    for (const point of points) {
      const selected = point.id === selectedId;
      const colour = COLOURS[point.status];
      if (selected && movable) {
        const pin = L.marker([point.lat, point.lon], {
          draggable: true,
          keyboard: false,
          icon: L.divIcon({ className: 'report-map-pin', iconSize: [22, 22] }),
        });
        pin.on('dragend', () => {
          const at = pin.getLatLng();
          handlers.current.onMove?.(at.lat, at.lng);
        });
        pin.bindTooltip(point.label);
        group.addLayer(pin);
        continue;
      }
      const circle = L.circleMarker([point.lat, point.lon], {
        radius: selected ? 11 : 7,
        color: selected ? '#0b0c0c' : '#ffffff',
        weight: selected ? 3 : 2,
        fillColor: colour,
        fillOpacity: 0.9,
      });
      circle.bindTooltip(point.label);
      circle.on('click', (event) => {
        L.DomEvent.stopPropagation(event);
        handlers.current.onSelect?.(point.id);
      });
      group.addLayer(circle);
    }
    const selected = points.find((p) => p.id === selectedId);
    if (selected) m.setView([selected.lat, selected.lon], Math.max(m.getZoom(), 14));
    else if (points.length > 0)
      m.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lon] as L.LatLngTuple)), {
        padding: [24, 24],
        maxZoom: 15,
      });
  }, [points, selectedId, movable]);

  return (
    <>
      {mayShowAssets ? (
        <AssetLayerToggle id="report-map-assets" on={showAssets} onChange={setShowAssets} state={assets} />
      ) : null}
      <section
        ref={element}
        className={['report-map', className].filter(Boolean).join(' ')}
        aria-label={label}
      />
    </>
  );
}
