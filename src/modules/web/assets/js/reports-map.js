// Public map: the reports listed on the page, drawn on a map with clusters, coloured by status.
// The list is the page (server-rendered, it works without this script); the markers are read
// from it, so the map shows exactly what the list says without asking the server again. They
// are added in chunks after the page has painted, so a long list never blocks the main thread.
(() => {
  const el = document.getElementById('reports-map');
  if (!el) return;
  if (!window.L) {
    el.hidden = true;
    return;
  }
  // maxZoom on the map itself: clustering needs one even when no tile layer sets it (no tiles).
  const map = L.map(el, { scrollWheelZoom: false, maxZoom: 19 }).setView(
    [Number(el.dataset.lat), Number(el.dataset.lon)],
    11,
  );
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, {
      attribution: el.dataset.attribution || '© Kartverket',
      maxZoom: 19,
    }).addTo(map);
  } else {
    map.attributionControl.addAttribution(el.dataset.attribution || '© Kartverket');
  }
  const layer = L.markerClusterGroup
    ? L.markerClusterGroup({ chunkedLoading: true, chunkInterval: 12 })
    : L.layerGroup();
  layer.addTo(map);

  const draw = () => {
    const markers = [];
    const bounds = [];
    for (const item of document.querySelectorAll('.report-list > li[data-lat]')) {
      const lat = Number(item.dataset.lat);
      const lon = Number(item.dataset.lon);
      const color = item.dataset.open === '1' ? '#8a4b00' : '#1e6b34';
      // Only the area is public for some kinds of report: a circle of 250 m, not a dot on a house.
      const marker = item.dataset.approximate
        ? L.circle([lat, lon], { radius: 250, color, weight: 2, dashArray: '6 4', fillOpacity: 0.2 })
        : L.circleMarker([lat, lon], { radius: 9, color, weight: 3, fillOpacity: 0.5 });
      const source = item.querySelector('a');
      // The popup is made when opened: a link to the report, named as in the list.
      marker.bindPopup(() => {
        const link = document.createElement('a');
        link.href = source.href;
        link.textContent = `${source.textContent} (${item.querySelector('.status').textContent})`;
        return link;
      });
      markers.push(marker);
      bounds.push([lat, lon]);
    }
    if (layer.addLayers) layer.addLayers(markers);
    else for (const marker of markers) layer.addLayer(marker);
    if (bounds.length > 0) map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
  };
  // After the first paint: the list and the empty map show at once, the markers follow.
  if (window.requestIdleCallback) requestIdleCallback(draw, { timeout: 1000 });
  else setTimeout(draw, 0);
})();
