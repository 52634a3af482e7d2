import { Suspense, useState } from 'react';
import { Link, Outlet, useParams } from 'react-router';
import { errorText } from '../api/error-text.ts';
import { ErrorSummary, Loading } from '../components/index.ts';
import { useT } from '../i18n/index.ts';
import { useStaffSession } from '../session/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { MainNav } from './MainNav.tsx';
import { MunicipalitySwitcher } from './MunicipalitySwitcher.tsx';
import { NoAccess } from './NotFound.tsx';
import { SkipLink } from './SkipLink.tsx';
import { UserMenu } from './UserMenu.tsx';

/**
 * Every page of one municipality (/m/:kommunenummer/…): skip link, one header row (the name, the
 * main menu for the member's roles, municipality, language, user menu; it wraps on a narrow
 * screen), and <main> with the page. The frame fills the window, so a page such as the inbox can
 * fill what the header leaves.
 */
export function AppShell() {
  const t = useT();
  const { kommunenummer } = useParams();
  const { memberships } = useStaffSession();
  const [problem, setProblem] = useState<string | null>(null);
  const membership = memberships.find((m) => m.kommunenummer === kommunenummer);
  if (!membership) return <NoAccess />;
  return (
    <div className="app-frame">
      <SkipLink />
      <header className="app-header">
        <div className="app-header-bar">
          <Link to={`/m/${membership.kommunenummer}/inbox`} className="brand">
            {t('app.name')} <span className="brand-sub">{t('app.backOffice')}</span>
          </Link>
          <MainNav membership={membership} />
          <MunicipalitySwitcher
            key={membership.kommunenummer}
            current={membership}
            memberships={memberships}
          />
          <div className="app-header-tools">
            <LanguageSwitch />
            <UserMenu onError={(error) => setProblem(errorText(error, t))} />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {problem ? <ErrorSummary title={t('errors.summaryTitle')} items={[{ message: problem }]} /> : null}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
