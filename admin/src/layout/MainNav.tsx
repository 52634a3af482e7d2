import { Link, useLocation } from 'react-router';
import { type TextKey, useT } from '../i18n/index.ts';
import { ASSET_READERS } from '../pages/assets/assets-api.ts';
import { hasRole, type Membership, ROLE_ADMIN, ROLE_FRONT_DESK } from '../session/index.ts';

interface NavItem {
  label: TextKey;
  path: string;
  /** Other paths under the municipality that count as this item (a case counts as the inbox). */
  also?: string[];
  roles?: string[];
}

/** The main menu, in order. An item with `roles` shows only to members with one of them. */
export const NAV_ITEMS: NavItem[] = [
  { label: 'nav.inbox', path: 'inbox', also: ['reports'] },
  { label: 'nav.frontDesk', path: 'front-desk', roles: [ROLE_FRONT_DESK, ROLE_ADMIN] },
  { label: 'nav.dashboard', path: 'dashboard' },
  { label: 'nav.notices', path: 'notices' },
  { label: 'nav.subscribers', path: 'subscribers' },
  { label: 'nav.assets', path: 'assets', roles: ASSET_READERS },
  { label: 'nav.admin', path: 'admin', roles: [ROLE_ADMIN] },
  { label: 'nav.outbox', path: 'outbox', roles: [ROLE_ADMIN] },
];

export function MainNav({ membership }: { membership: Membership }) {
  const t = useT();
  const { pathname } = useLocation();
  const base = `/m/${membership.kommunenummer}`;
  const section = pathname.slice(base.length + 1).split('/')[0] ?? '';
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {NAV_ITEMS.filter((item) => !item.roles || hasRole(membership, ...item.roles)).map((item) => {
          const current = section === item.path || (item.also?.includes(section) ?? false);
          return (
            <li key={item.path}>
              <Link to={`${base}/${item.path}`} aria-current={current ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
