// Leaflet-Geoman with its styles, loaded only where polygons are drawn (the new-notice form): it
// brings Turf and lodash, about 250 kB the notice list and a notice's page need not load.
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import './leaflet-global.ts';
import '@geoman-io/leaflet-geoman-free';
