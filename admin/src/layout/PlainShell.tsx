import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { SkipLink } from './SkipLink.tsx';

/** The frame of pages outside a municipality (login, no access): name, language, main. */
export function PlainShell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="app-header-bar">
          <Link to="/" className="brand">
            {t('app.name')} <span className="brand-sub">{t('app.backOffice')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="plain-main">
        {children}
      </main>
    </>
  );
}
