// Administrasjon: the sections' menu beside the chosen section (router.tsx lists the sections
// as child routes; each lives in its own folder here). Each section renders its own heading.
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Loading } from '../../components/index.ts';
import { type TextKey, useT } from '../../i18n/index.ts';
import { useMembership } from '../../session/index.ts';
import './shared/admin-forms.css';

export const ADMIN_SECTIONS: { path: string; label: TextKey }[] = [
  { path: 'settings', label: 'admin.settings' },
  { path: 'categories', label: 'admin.categories' },
  { path: 'teams', label: 'admin.teams' },
  { path: 'users', label: 'admin.users' },
  { path: 'templates', label: 'admin.templates' },
  { path: 'messages', label: 'admin.messages' },
  { path: 'links', label: 'admin.links' },
  { path: 'assets/import', label: 'admin.assetImport' },
  { path: 'asset-types', label: 'admin.assetTypes' },
  { path: 'audit', label: 'admin.audit' },
];

export default function AdminPage() {
  const t = useT();
  const { pathname } = useLocation();
  const { kommunenummer } = useMembership();
  // The section is the longest listed path the address starts with (assets/import has two parts).
  const rest = `${pathname.split('/admin/')[1] ?? ''}/`;
  const section = ADMIN_SECTIONS.map((s) => s.path)
    .filter((path) => rest.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <div className="two-panes admin-page">
      <nav className="side-nav" aria-label={t('admin.sections')}>
        <ul>
          {ADMIN_SECTIONS.map((s) => (
            <li key={s.path}>
              <Link to={s.path} aria-current={s.path === section ? 'page' : undefined}>
                {t(s.label)}
              </Link>
            </li>
          ))}
          <li>
            <Link to={`/m/${kommunenummer}/outbox`}>{t('nav.outbox')}</Link>
          </li>
        </ul>
      </nav>
      <div className="pane">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </div>
    </div>
  );
}
