// Leaflet-Geoman reads Leaflet from the global `L` when its module runs; Vite's bundle has no such
// global unless something set it. Imported before the plugin (imports run in order).
import L from 'leaflet';

(globalThis as { L?: typeof L }).L = L;
