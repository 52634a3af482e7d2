import { useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button } from '../components/index.ts';
import { useT } from '../i18n/index.ts';
import { useSession, useStaffSession } from '../session/index.ts';

/**
 * The user's name as a disclosure button; it opens "log out" and "log out everywhere". Escape
 * closes it and returns focus to the button; so does a click elsewhere (without moving focus).
 */
export function UserMenu({ onError }: { onError(error: unknown): void }) {
  const t = useT();
  const { user } = useStaffSession();
  const { logout, logoutEverywhere } = useSession();
  const { kommunenummer } = useParams();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        toggle.current?.focus();
      }
    };
    const onClick = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [open]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      onError(error);
      setBusy(false);
    }
  };

  return (
    <div className="user-menu" ref={root}>
      <button
        type="button"
        ref={toggle}
        className="user-menu-toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('header.userMenu', { name: user.name })}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">{user.name}</span>
        <span className="caret" aria-hidden="true" />
      </button>
      <div id={panelId} className="user-menu-panel" hidden={!open}>
        <p className="user-menu-email">{t('header.signedInAs', { email: user.email })}</p>
        <Link to="/account" onClick={() => setOpen(false)}>
          {t('account.menu')}
        </Link>
        {kommunenummer ? (
          <Link to={`/m/${kommunenummer}/preferences`} onClick={() => setOpen(false)}>
            {t('prefs.menu')}
          </Link>
        ) : null}
        <Button variant="secondary" busy={busy} onClick={() => run(logout)}>
          {t('header.logout')}
        </Button>
        <Button variant="secondary" busy={busy} onClick={() => run(logoutEverywhere)}>
          {t('header.logoutEverywhere')}
        </Button>
        <p className="field-hint">{t('header.logoutEverywhereHint')}</p>
      </div>
    </div>
  );
}
