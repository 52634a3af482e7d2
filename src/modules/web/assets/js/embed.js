// Meldepunkt embed: <script src="https://…/embed.js" data-src="https://…/porsgrunn/meld?embed=1"></script>
// Inserts the form as an iframe after this script tag and keeps its height equal to its content.
// With data-view="driftsmeldinger" and data-src="https://…/porsgrunn/driftsmeldinger/widget": the
// municipality's current and upcoming notices instead (a shorter frame; no position needed).
(() => {
  const script = document.currentScript;
  if (!script) return;
  const src = script.getAttribute('data-src');
  if (!src) return;
  const frame = document.createElement('iframe');
  frame.src = src;
  const notices = script.getAttribute('data-view') === 'driftsmeldinger';
  frame.title = script.getAttribute('data-title') || (notices ? 'Driftsmeldinger' : 'Meld fra');
  frame.loading = 'lazy';
  // "Use my position" inside the form needs the host page's permission.
  if (!notices) frame.allow = 'geolocation';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.minHeight = notices ? '10rem' : '40rem';
  script.parentNode.insertBefore(frame, script.nextSibling);
  const origin = new URL(src, location.href).origin;
  let loads = 0;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    const data = event.data;
    if (data && data.type === 'meldepunkt:height' && Number.isFinite(data.height)) {
      frame.style.height = `${Math.ceil(data.height)}px`;
      frame.style.minHeight = '0';
    }
    // After the resident moves on inside the form (not on the first load), bring its top into view.
    if (data && data.type === 'meldepunkt:navigated' && ++loads > 1 && !notices)
      frame.scrollIntoView({ block: 'start' });
  });
})();
