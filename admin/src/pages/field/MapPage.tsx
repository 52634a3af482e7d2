// The tasks on a map with the device's position. The map itself is a picture for orientation; the
// same tasks are the list below it (and on the task list), so nothing is only on the map. Tiles
// come from the server's tile address; the service worker keeps the last ones viewed (sw.ts).
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLeafletMap } from '../../components/use-leaflet-map.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { distanceText } from './TaskListPage.tsx';
import { useFieldDirectory, useTasks } from './use-field-data.ts';
import { usePosition } from './use-position.ts';

const PRIORITY_COLOURS = { hoy: '#b00020', normal: '#005a8c', lav: '#4a5360' } as const;

export default function MapPage() {
  const t = useT();
  const k = useParams().kommunenummer ?? '';
  const navigate = useNavigate();
  const { position } = usePosition();
  const directory = useFieldDirectory(k);
  const tasks = useTasks(k, 'mine', position, 0);
  const element = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  useLeafletMap(element, { map, layer }, { zoom: 13 }, directory?.map);
  const points = (tasks.data ?? []).filter((task) => task.lat !== null && task.lon !== null);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    const bounds: L.LatLngTuple[] = [];
    for (const task of points) {
      const at: L.LatLngTuple = [task.lat ?? 0, task.lon ?? 0];
      bounds.push(at);
      const circle = L.circleMarker(at, {
        radius: 12,
        color: '#ffffff',
        weight: 3,
        fillColor: PRIORITY_COLOURS[task.priority],
        fillOpacity: 0.95,
      });
      circle.bindTooltip(`${task.category.name} · ${task.reference}`);
      circle.on('click', () => navigate(`/m/${k}/felt/oppgaver/${task.id}`));
      group.addLayer(circle);
    }
    if (position) {
      const me: L.LatLngTuple = [position.lat, position.lon];
      bounds.push(me);
      group.addLayer(
        L.circleMarker(me, {
          radius: 10,
          color: '#0b0c0c',
          weight: 4,
          fillColor: '#ffbf47',
          fillOpacity: 1,
        }).bindTooltip(t('field.map.me')),
      );
    }
    if (bounds.length > 0) m.fitBounds(L.latLngBounds(bounds), { padding: [32, 32], maxZoom: 16 });
  }, [points, position, navigate, k, t]);

  return (
    <>
      <PageHeading title={t('field.map.title')} />
      <section ref={element} className="field-map" aria-label={t('field.map.label')} />
      <ul className="field-map-list">
        {points.map((task) => (
          <li key={task.id}>
            <Link to={`/m/${k}/felt/oppgaver/${task.id}`} className="field-card">
              <span className="field-card-title">{task.title || task.category.name}</span>
              <span className="field-card-line">
                {task.address ?? task.reference} {distanceText(t, task.distanceMetres) ?? ''}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
