// Public map: the reports listed on the page, drawn on a map with clusters, coloured by status.
(() => {
  const el = document.getElementById('reports-map');
  if (!el || !window.L) return;
  el.hidden = false;
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
  const layer = L.markerClusterGroup ? L.markerClusterGroup() : L.layerGroup();
  layer.addTo(map);
  fetch(el.dataset.api, { headers: { accept: 'application/json' } })
    .then((res) => (res.ok ? res.json() : { reports: [] }))
    .then((page) => {
      const bounds = [];
      for (const r of page.reports) {
        if (!r.location) continue;
        const color = r.open ? '#8a4b00' : '#1e6b34';
        // Only the area is public for some kinds of report: a circle of 250 m, not a dot on a house.
        const marker = r.location.approximate
          ? L.circle([r.location.lat, r.location.lon], {
              radius: 250,
              color,
              weight: 2,
              dashArray: '6 4',
              fillOpacity: 0.2,
            })
          : L.circleMarker([r.location.lat, r.location.lon], {
              radius: 9,
              color,
              weight: 3,
              fillOpacity: 0.5,
            });
        const link = document.createElement('a');
        link.href = `${el.dataset.base}/meldinger/${r.ref}${el.dataset.linkSuffix || ''}`;
        link.textContent = `${r.category.name} – ${r.ref} (${r.statusText})`;
        marker.bindPopup(link);
        layer.addLayer(marker);
        bounds.push([r.location.lat, r.location.lon]);
      }
      if (bounds.length > 0) map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
    })
    .catch(() => {
      el.hidden = true;
    });
})();
