import { useT } from '../i18n/index.ts';

/** The first thing Tab reaches: straight to <main id="main">. */
export function SkipLink() {
  const t = useT();
  return (
    // A real link to #main, but focus is moved by hand: a plain fragment navigation would go
    // through the router as a new location.
    // biome-ignore lint/a11y/useValidAnchor: it is a link to a place on the page
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}
    >
      {t('app.skipToMain')}
    </a>
  );
}
