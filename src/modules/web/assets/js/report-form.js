// Report form enhancements. The form works without any of this; with it the resident gets a
// category search, the on-call notice for acute categories, the category's own questions, a map
// to pick the place, "use my position", address suggestions, and a progress bar while photos upload.
(() => {
  // After a failed post the page opens at #error-summary; move focus there too, so a screen
  // reader reads the problems first and the next Tab reaches the first link to a field.
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  const form = document.getElementById('report-form');
  if (!form) return;
  const $ = (selector) => form.querySelector(selector);
  const $$ = (selector) => Array.from(form.querySelectorAll(selector));

  // Category search
  const search = $('.category-search');
  const input = $('#category-search');
  const status = $('#category-search-status');
  if (search && input) {
    search.hidden = false;
    input.addEventListener('input', () => {
      const q = input.value.trim().toLowerCase();
      let shown = 0;
      for (const option of $$('.category')) {
        const match = !q || option.dataset.search.includes(q);
        option.hidden = !match;
        if (match) shown++;
      }
      for (const group of $$('#category-list .group')) {
        group.hidden = !group.querySelector('.category:not([hidden])');
      }
      status.textContent = shown === 0 ? form.dataset.noMatch : '';
    });
  }

  // Acute notice and the chosen category's questions
  const acute = document.getElementById('acute-notice');
  const onCategory = () => {
    const chosen = $('input[name="category"]:checked');
    if (acute) acute.hidden = !(chosen && chosen.dataset.acute === '1');
    for (const set of $$('fieldset.questions')) {
      const mine = chosen && set.dataset.category === chosen.value;
      set.hidden = !mine;
      set.disabled = !mine;
    }
  };
  for (const radio of $$('input[name="category"]')) radio.addEventListener('change', onCategory);
  // The page sends every category's questions (for browsers without this script); from here on
  // only the chosen category's are enabled, so only they are posted.
  onCategory();

  // Map, position and address
  const lat = $('#lat');
  const lon = $('#lon');
  const placeStatus = $('#place-status');
  const mapEl = $('#map');
  let marker = null;
  let map = null;
  const setPoint = (latitude, longitude, message) => {
    lat.value = latitude.toFixed(6);
    lon.value = longitude.toFixed(6);
    placeStatus.textContent = message;
    const clear = $('#clear-point');
    if (clear) clear.checked = false;
    if (map) {
      if (!marker) {
        marker = L.marker([latitude, longitude], {
          draggable: true,
          keyboard: true,
          title: form.dataset.pointChosen,
          icon: L.divIcon({ className: 'pin', html: '', iconSize: [24, 24] }),
        }).addTo(map);
        marker.on('dragend', () => {
          const p = marker.getLatLng();
          setPoint(p.lat, p.lng, form.dataset.pointChosen);
        });
      } else {
        marker.setLatLng([latitude, longitude]);
      }
      map.panTo([latitude, longitude]);
    }
  };
  if (mapEl && !window.L) {
    // The map's library did not load: no empty box, no button that does nothing.
    mapEl.hidden = true;
    $('#map-actions').hidden = true;
  }
  if (mapEl && window.L) {
    const start =
      lat.value && lon.value
        ? [Number(lat.value), Number(lon.value)]
        : [Number(mapEl.dataset.lat), Number(mapEl.dataset.lon)];
    map = L.map(mapEl, { scrollWheelZoom: false }).setView(start, lat.value ? 17 : 13);
    if (form.dataset.tiles) {
      L.tileLayer(form.dataset.tiles, {
        attribution: form.dataset.attribution || '© Kartverket',
        maxZoom: 19,
      }).addTo(map);
    } else {
      map.attributionControl.addAttribution(form.dataset.attribution || '© Kartverket');
    }
    if (lat.value && lon.value)
      setPoint(Number(lat.value), Number(lon.value), placeStatus.textContent || form.dataset.pointChosen);
    map.on('click', (event) => setPoint(event.latlng.lat, event.latlng.lng, form.dataset.pointChosen));
  }
  const positionButton = $('#use-position');
  if (positionButton) {
    if (!('geolocation' in navigator)) positionButton.hidden = true;
    positionButton.addEventListener('click', () => {
      navigator.geolocation.getCurrentPosition(
        (position) =>
          setPoint(position.coords.latitude, position.coords.longitude, form.dataset.positionFound),
        () => {
          placeStatus.textContent = form.dataset.positionFailed;
        },
        { enableHighAccuracy: true, timeout: 15000 },
      );
    });
  }

  // Address suggestions (WAI-ARIA combobox) when the municipality's address search is on.
  const address = $('#address');
  const addressStatus = $('#address-status');
  if (address?.dataset.addressSearch && addressStatus && window.fetch) {
    const list = document.createElement('ul');
    list.id = 'address-list';
    list.className = 'address-list';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', address.dataset.listLabel);
    list.hidden = true;
    address.after(list);
    for (const [name, value] of [
      ['role', 'combobox'],
      ['aria-autocomplete', 'list'],
      ['aria-expanded', 'false'],
      ['aria-controls', list.id],
      ['autocomplete', 'off'],
    ])
      address.setAttribute(name, value);
    let hits = [];
    let active = -1;
    let timer = 0;
    let asked = 0;
    const label = (hit) => `${hit.text}, ${hit.postcode} ${hit.postTown}`.trim();
    const highlight = (i) => {
      active = i;
      list.querySelectorAll('li').forEach((li, n) => {
        li.setAttribute('aria-selected', String(n === i));
      });
      if (i >= 0) address.setAttribute('aria-activedescendant', `address-option-${i}`);
      else address.removeAttribute('aria-activedescendant');
    };
    const show = (open) => {
      list.hidden = !open;
      address.setAttribute('aria-expanded', String(open));
      if (!open) highlight(-1);
    };
    const choose = (i) => {
      const hit = hits[i];
      address.value = label(hit);
      show(false);
      addressStatus.textContent = '';
      setPoint(hit.lat, hit.lon, address.dataset.chosen);
    };
    const lookup = async (q) => {
      const ticket = ++asked;
      let answer = [];
      let message = address.dataset.noSuggestions;
      try {
        const lang = document.documentElement.lang;
        const res = await fetch(`${address.dataset.addressSearch}?q=${encodeURIComponent(q)}&lang=${lang}`);
        const body = await res.json();
        if (res.ok) answer = body.addresses;
        else message = body.error?.message ?? message;
      } catch {
        // No answer: the resident types the address, as without this script.
      }
      if (ticket !== asked) return;
      hits = answer;
      list.replaceChildren(
        ...hits.map((hit, i) => {
          const li = document.createElement('li');
          li.id = `address-option-${i}`;
          li.setAttribute('role', 'option');
          li.setAttribute('aria-selected', 'false');
          li.textContent = label(hit);
          // Keep focus in the field, so the list does not close before the click lands.
          li.addEventListener('mousedown', (e) => e.preventDefault());
          li.addEventListener('click', () => choose(i));
          return li;
        }),
      );
      show(hits.length > 0);
      addressStatus.textContent = hits.length
        ? address.dataset.suggestions.replace('{n}', String(hits.length))
        : message;
    };
    address.addEventListener('input', () => {
      clearTimeout(timer);
      const q = address.value.trim();
      if (q.length < 3) {
        asked++;
        show(false);
        return;
      }
      timer = setTimeout(() => lookup(q), 250);
    });
    address.addEventListener('keydown', (e) => {
      if (list.hidden || hits.length === 0) return;
      const n = hits.length;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        highlight(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : n - 1)) % n);
      } else if (e.key === 'Enter' && active >= 0) {
        e.preventDefault();
        choose(active);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        show(false);
      }
    });
    address.addEventListener('blur', () => show(false));
  }

  // Upload progress: send the same form with XMLHttpRequest when photos are attached.
  const files = $('#photos');
  const progressBox = $('.upload-progress');
  form.addEventListener('submit', (event) => {
    if (!files || files.files.length === 0 || !window.FormData || !progressBox) return;
    event.preventDefault();
    const bar = progressBox.querySelector('progress');
    const text = progressBox.querySelector('.upload-status');
    const template = form.dataset.uploading;
    progressBox.hidden = false;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((e.loaded / e.total) * 100);
      bar.value = percent;
      text.textContent = template.replace(/\d{1,3} %/, `${percent} %`);
    });
    xhr.addEventListener('load', () => {
      // A refusal (too many posts, a robot check) is a page of its own: post the form the plain
      // way, so the browser shows it (going to the post's address would show an empty form).
      if (xhr.status >= 400) {
        form.submit();
        return;
      }
      const url = xhr.responseURL || form.action;
      // Back on the form with problems: open it at their summary, as the redirect says (the
      // fragment does not survive XMLHttpRequest).
      const failed = xhr.responseText.includes('id="error-summary"');
      const target = failed ? `${url}#error-summary` : url;
      if (url === window.location.href.split('#')[0]) {
        // The same draft again: going there would only move to the fragment, not show the
        // new problems. Load it afresh instead.
        window.history.replaceState(null, '', target);
        window.location.reload();
      } else {
        window.location.assign(target);
      }
    });
    xhr.addEventListener('error', () => form.submit());
    xhr.send(new FormData(form));
  });
})();
