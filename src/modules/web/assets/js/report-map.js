// Tracking page: show the report's place on a small map (the page says the coordinates anyway).
// Where the category shows only the area, the point is the middle of a grid cell: draw the area
// as a circle in metres rather than a dot, so the map does not seem to point at one house.
(() => {
  const el = document.getElementById('report-map');
  if (!el) return;
  if (!window.L) {
    el.hidden = true;
    return;
  }
  const lat = Number(el.dataset.lat);
  const lon = Number(el.dataset.lon);
  const area = Number(el.dataset.approximate || 0);
  const map = L.map(el, { scrollWheelZoom: false }).setView([lat, lon], area ? 15 : 16);
  const url = el.dataset.tiles;
  if (url)
    L.tileLayer(url, { attribution: el.dataset.attribution || '© Kartverket', maxZoom: 19 }).addTo(map);
  else map.attributionControl.addAttribution(el.dataset.attribution || '© Kartverket');
  if (area)
    L.circle([lat, lon], {
      radius: area,
      color: '#b00020',
      weight: 2,
      dashArray: '6 4',
      fillOpacity: 0.15,
    }).addTo(map);
  else L.circleMarker([lat, lon], { radius: 10, color: '#b00020', weight: 3, fillOpacity: 0.4 }).addTo(map);
})();
