// Tracking page: show the report's place on a small map (the page says the coordinates anyway).
(() => {
  const el = document.getElementById('report-map');
  if (!el || !window.L) return;
  const lat = Number(el.dataset.lat);
  const lon = Number(el.dataset.lon);
  el.hidden = false;
  const map = L.map(el, { scrollWheelZoom: false }).setView([lat, lon], 16);
  const url = el.dataset.tiles;
  if (url)
    L.tileLayer(url, { attribution: el.dataset.attribution || '© Kartverket', maxZoom: 19 }).addTo(map);
  else map.attributionControl.addAttribution(el.dataset.attribution || '© Kartverket');
  L.circleMarker([lat, lon], { radius: 10, color: '#b00020', weight: 3, fillOpacity: 0.4 }).addTo(map);
})();
