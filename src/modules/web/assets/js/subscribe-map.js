// Subscribing to notices: a point on the map instead of an address (a cabin, a field). Clicking
// or tapping sets the point; keyboard users move the map with the arrow keys and choose its
// centre; "Use my position" asks the browser. The point goes in the hidden lat/lon fields, which
// the server checks lies in the municipality. Without Leaflet the picker is hidden.
(() => {
  const el = document.getElementById('subscribe-map');
  const wrap = document.getElementById('punkt');
  if (!el || !wrap) return;
  if (!window.L) {
    wrap.hidden = true;
    return;
  }
  const lat = document.getElementById('lat');
  const lon = document.getElementById('lon');
  const status = document.getElementById('point-status');
  const chosen = Boolean(lat.value && lon.value);
  const start = chosen
    ? [Number(lat.value), Number(lon.value)]
    : [Number(el.dataset.lat), Number(el.dataset.lon)];
  const map = L.map(el, { scrollWheelZoom: false }).setView(start, chosen ? 16 : 13);
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, {
      attribution: el.dataset.attribution || '© Kartverket',
      maxZoom: 19,
    }).addTo(map);
  } else {
    map.attributionControl.addAttribution(el.dataset.attribution || '© Kartverket');
  }
  let marker = null;
  const setPoint = (latitude, longitude, message) => {
    lat.value = latitude.toFixed(6);
    lon.value = longitude.toFixed(6);
    status.textContent = message;
    if (marker) marker.setLatLng([latitude, longitude]);
    else
      marker = L.circleMarker([latitude, longitude], {
        radius: 10,
        color: '#b00020',
        weight: 3,
        fillOpacity: 0.4,
      }).addTo(map);
  };
  if (chosen) setPoint(Number(lat.value), Number(lon.value), el.dataset.pointChosen);
  map.on('click', (event) => setPoint(event.latlng.lat, event.latlng.lng, el.dataset.pointChosen));
  document.getElementById('use-centre').addEventListener('click', () => {
    const centre = map.getCenter();
    setPoint(centre.lat, centre.lng, el.dataset.pointChosen);
  });
  const position = document.getElementById('use-position');
  if (!('geolocation' in navigator)) position.hidden = true;
  position.addEventListener('click', () => {
    navigator.geolocation.getCurrentPosition(
      (found) => {
        setPoint(found.coords.latitude, found.coords.longitude, el.dataset.pointChosen);
        map.setView([found.coords.latitude, found.coords.longitude], 16);
      },
      () => {
        status.textContent = el.dataset.positionFailed;
      },
      { enableHighAccuracy: true, timeout: 15000 },
    );
  });
})();
