// The field app's own frame (phone first, large controls, high contrast): the app name, whether
// the device is online, the "n changes waiting" indicator that opens the list of pending changes,
// the latest confirmation (a live region), and the pages below. It registers the service worker
// (admin/src/sw.ts) that keeps the app's code and the last map tiles for use without a network.
import './field.css';
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useParams } from 'react-router';
import { useT } from '../../i18n/index.ts';
import { NoAccess } from '../../layout/index.ts';
import { dropAll } from '../../offline/field-store.ts';
import { useSession, useStaffSession } from '../../session/index.ts';
import { hasFieldAccess } from './access.ts';
import { PendingPanel } from './PendingPanel.tsx';
import { SyncProvider, useSync } from './sync.tsx';

/** Chromium's install prompt, offered as a button until used (other browsers: their own menu). */
interface InstallPrompt extends Event {
  prompt(): Promise<void>;
}

function useInstallPrompt(): (() => void) | null {
  const [prompt, setPrompt] = useState<InstallPrompt | null>(null);
  useEffect(() => {
    const offer = (event: Event) => {
      event.preventDefault();
      setPrompt(event as InstallPrompt);
    };
    const installed = () => setPrompt(null);
    window.addEventListener('beforeinstallprompt', offer);
    window.addEventListener('appinstalled', installed);
    return () => {
      window.removeEventListener('beforeinstallprompt', offer);
      window.removeEventListener('appinstalled', installed);
    };
  }, []);
  if (!prompt) return null;
  return () => {
    void prompt.prompt().catch(() => undefined);
    setPrompt(null);
  };
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/admin/sw.js', { scope: '/admin/' }).catch(() => undefined);
}

export default function FieldShell() {
  const { kommunenummer } = useParams();
  const membership = useStaffSession().memberships.find((m) => m.kommunenummer === kommunenummer);
  useEffect(registerServiceWorker, []);
  if (!membership || !hasFieldAccess(membership)) return <NoAccess />;
  return (
    <SyncProvider>
      <FieldFrame kommunenummer={membership.kommunenummer} />
    </SyncProvider>
  );
}

function FieldFrame({ kommunenummer }: { kommunenummer: string }) {
  const t = useT();
  const { changes, online, announcement } = useSync();
  const { logout } = useSession();
  const [open, setOpen] = useState(false);
  const indicator = useRef<HTMLButtonElement>(null);
  const base = `/m/${kommunenummer}/felt`;
  const waiting = changes.length;
  const install = useInstallPrompt();
  // A confirmation stays in view (sticky) for a while, then makes room; the pending list keeps
  // the state of every change.
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setHidden(announcement.id), 12_000);
    return () => clearTimeout(timer);
  }, [announcement]);

  const close = () => {
    setOpen(false);
    indicator.current?.focus();
  };

  const leave = async () => {
    if (waiting > 0 && !window.confirm(t('field.logoutPending'))) return;
    try {
      await logout();
    } catch {
      // No network: the server's session cannot be ended from here, but what this device keeps
      // goes now; the login page follows.
      await dropAll();
      window.location.assign('/admin/login');
    }
  };

  return (
    <div className="field-app">
      <header className="field-header">
        <p className="field-header-name">{t('field.appName')}</p>
        <p className={`field-online ${online ? 'is-online' : 'is-offline'}`} data-online={online}>
          {online ? t('field.online') : t('field.offline')}
        </p>
        <button
          ref={indicator}
          type="button"
          className={`field-indicator${waiting > 0 ? ' has-waiting' : ''}`}
          aria-expanded={open}
          aria-controls="field-pending"
          data-pending={waiting}
          onClick={() => setOpen((o) => !o)}
        >
          <span role="status">
            {waiting > 0 ? t.plural('field.pending', waiting) : t('field.pending.none')}
          </span>
        </button>
      </header>
      {open ? <PendingPanel id="field-pending" onClose={close} /> : null}
      <div className="field-announcement" role="status" aria-live="polite">
        {announcement && announcement.id !== hidden ? (
          <p
            key={announcement.id}
            className={`field-toast tone-${announcement.tone}`}
            data-tone={announcement.tone}
          >
            {announcement.text}
          </p>
        ) : null}
      </div>
      <nav className="field-nav" aria-label={t('field.nav')}>
        <NavLink to={base} end>
          {t('field.nav.tasks')}
        </NavLink>
        <NavLink to={`${base}/kart`}>{t('field.nav.map')}</NavLink>
        <NavLink to={`${base}/ny`}>{t('field.nav.new')}</NavLink>
      </nav>
      <main id="main" className="field-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="field-footer">
        <NavLink to={`/m/${kommunenummer}/inbox`}>{t('field.backOffice')}</NavLink>
        {install ? (
          <button type="button" className="field-button secondary" onClick={install}>
            {t('field.install')}
          </button>
        ) : null}
        <button type="button" className="field-button secondary" onClick={() => void leave()}>
          {t('field.logout')}
        </button>
      </footer>
    </div>
  );
}
