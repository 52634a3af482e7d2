// Assets as a layer on a staff map: loaded for the map's view (GET /assets with its box) each time
// the view settles, clustered with leaflet.markercluster so thousands of hydrants stay readable.
// Each asset is a small square (reports are circles), named in its tooltip and title, and opens
// the asset's page on click or Enter.
import 'leaflet.markercluster';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import 'leaflet.markercluster/dist/MarkerCluster.Default.css';
import L from 'leaflet';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import { pick } from '../admin/shared/forms.ts';
import './assets.css';
import { ASSETS, type AssetListItem } from './assets-api.ts';

/** At most this many assets per view; the layer says when there are more (zoom in). */
const PER_VIEW = 500;

export interface AssetLayerState {
  loading: boolean;
  shown: number;
  total: number;
}

export function assetLabel(asset: Pick<AssetListItem, 'externalId' | 'type'>, language: string): string {
  return `${pick(asset.type.name, language)} ${asset.externalId}`;
}

export function useAssetLayer(
  map: RefObject<L.Map | null>,
  options: { kommunenummer: string; on: boolean; language: string; onOpen(id: string): void },
): AssetLayerState {
  const { kommunenummer, on, language } = options;
  const onOpen = useRef(options.onOpen);
  onOpen.current = options.onOpen;
  const [state, setState] = useState<AssetLayerState>({ loading: false, shown: 0, total: 0 });

  useEffect(() => {
    const m = map.current;
    if (!m || !on) return;
    const cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 }).addTo(m);
    let controller: AbortController | null = null;
    const load = () => {
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      const box = m.getBounds();
      setState((s) => ({ ...s, loading: true }));
      ok(
        client.GET(ASSETS, {
          params: {
            path: { kommunenummer },
            query: {
              west: Math.max(-180, box.getWest()),
              south: Math.max(-90, box.getSouth()),
              east: Math.min(180, box.getEast()),
              north: Math.min(90, box.getNorth()),
              limit: PER_VIEW,
            },
          },
          signal: mine.signal,
        }),
      ).then(
        (list) => {
          if (mine.signal.aborted) return;
          cluster.clearLayers();
          cluster.addLayers(
            list.items.map((asset) => {
              const label = assetLabel(asset, language);
              const marker = L.marker([asset.lat, asset.lon], {
                title: label,
                alt: label,
                keyboard: true,
                icon: L.divIcon({ className: 'asset-map-marker', iconSize: [14, 14] }),
              });
              marker.bindTooltip(label);
              marker.on('click', () => onOpen.current(asset.id));
              // Leaflet gives a focused marker the key as 'keypress', not as a click.
              marker.on('keypress', (event: L.LeafletKeyboardEvent) => {
                if (event.originalEvent.key === 'Enter' || event.originalEvent.key === ' ')
                  onOpen.current(asset.id);
              });
              return marker;
            }),
          );
          setState({ loading: false, shown: list.items.length, total: list.total });
        },
        () => {
          if (!mine.signal.aborted) setState((s) => ({ ...s, loading: false }));
        },
      );
    };
    m.on('moveend', load);
    load();
    return () => {
      controller?.abort();
      m.off('moveend', load);
      cluster.remove();
      setState({ loading: false, shown: 0, total: 0 });
    };
  }, [map, kommunenummer, on, language]);

  return state;
}
