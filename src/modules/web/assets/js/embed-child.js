// Inside an embedded page: tell the parent page how tall the content is, so it can size the iframe.
(() => {
  if (window.parent === window) return;
  const post = () =>
    window.parent.postMessage(
      { type: 'meldepunkt:height', height: document.documentElement.scrollHeight },
      '*',
    );
  window.addEventListener('load', () => {
    post();
    window.parent.postMessage({ type: 'meldepunkt:navigated' }, '*');
  });
  if ('ResizeObserver' in window) new ResizeObserver(post).observe(document.body);
  else window.addEventListener('resize', post);
})();
