// Notice list: draw the areas of the current notices on a map. The list is the page (it works
// without this script); the map draws only the notices the current list names, each area
// linking to the notice's page, so the two never disagree.
(() => {
  const el = document.getElementById('notices-map');
  if (!el) return;
  if (!window.L || !window.fetch) {
    el.hidden = true;
    return;
  }
  const map = L.map(el, { scrollWheelZoom: false, maxZoom: 19 }).setView(
    [Number(el.dataset.lat), Number(el.dataset.lon)],
    11,
  );
  if (el.dataset.tiles)
    L.tileLayer(el.dataset.tiles, {
      attribution: el.dataset.attribution || '© Kartverket',
      maxZoom: 19,
    }).addTo(map);
  else map.attributionControl.addAttribution(el.dataset.attribution || '© Kartverket');

  // The current list's items, by notice id: their titles and links are what the areas show.
  const listed = new Map();
  for (const item of document.querySelectorAll('ul[aria-labelledby="current-notices"] > li[data-notice]')) {
    const link = item.querySelector('h3 a');
    if (link) listed.set(item.dataset.notice, link);
  }

  fetch(el.dataset.source, { headers: { accept: 'application/geo+json' } })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then((collection) => {
      const features = (collection.features || []).filter((f) => listed.has(String(f.id)));
      const layer = L.geoJSON(
        { type: 'FeatureCollection', features },
        {
          style: { color: '#b00020', weight: 2, fillOpacity: 0.15 },
          onEachFeature: (feature, shape) => {
            const source = listed.get(String(feature.id));
            // Built as elements, never as HTML, so a title is always text.
            const link = document.createElement('a');
            link.href = source.href;
            link.textContent = source.textContent;
            shape.bindPopup(link);
          },
        },
      ).addTo(map);
      if (features.length > 0) map.fitBounds(layer.getBounds(), { padding: [12, 12], maxZoom: 16 });
    })
    .catch(() => {
      // Without the areas the map says nothing the list does not: hide it.
      el.hidden = true;
    });
})();
