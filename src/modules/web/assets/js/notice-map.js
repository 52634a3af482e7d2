// Notice page: draw the notice's area (a GeoJSON MultiPolygon) on a small map. The page already
// says the area in words, so without Leaflet the map is simply hidden.
(() => {
  const el = document.getElementById('notice-map');
  if (!el) return;
  if (!window.L) {
    el.hidden = true;
    return;
  }
  let areas;
  try {
    areas = JSON.parse(el.dataset.areas || '');
  } catch {
    el.hidden = true;
    return;
  }
  const map = L.map(el, { scrollWheelZoom: false });
  const url = el.dataset.tiles;
  if (url)
    L.tileLayer(url, { attribution: el.dataset.attribution || '© Kartverket', maxZoom: 19 }).addTo(map);
  else map.attributionControl.addAttribution(el.dataset.attribution || '© Kartverket');
  const layer = L.geoJSON(areas, { style: { color: '#b00020', weight: 2, fillOpacity: 0.15 } }).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [12, 12] });
})();
