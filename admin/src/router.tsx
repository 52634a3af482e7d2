// Every address of the back office, under the basename /admin. Each page is its own chunk
// (React.lazy), loaded when first shown; a page lives in its own folder under pages/ and is that
// module's default export. To fill a page in, edit its file: this table does not need to change.
import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, Outlet } from 'react-router';
import { Loading } from './components/index.ts';
import {
  AppShell,
  HomeRedirect,
  NotFoundContent,
  NotFoundPage,
  RequireRole,
  RequireSession,
  RouteError,
} from './layout/index.ts';
import { ASSET_READERS } from './pages/assets/assets-api.ts';
import { ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK } from './session/index.ts';

const LoginPage = lazy(() => import('./pages/login/LoginPage.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/login/ResetPasswordPage.tsx'));
const InvitationPage = lazy(() => import('./pages/invitation/InvitationPage.tsx'));
const AccountPage = lazy(() => import('./pages/account/AccountPage.tsx'));
const PreferencesPage = lazy(() => import('./pages/preferences/PreferencesPage.tsx'));
const MessagesPage = lazy(() => import('./pages/admin/messages/MessagesPage.tsx'));
const MessageEditPage = lazy(() => import('./pages/admin/messages/MessageEditPage.tsx'));
const InboxPage = lazy(() => import('./pages/inbox/InboxPage.tsx'));
const CaseView = lazy(() => import('./pages/inbox/CaseView.tsx'));
const FrontDeskPage = lazy(() => import('./pages/front-desk/FrontDeskPage.tsx'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage.tsx'));
const SettingsPage = lazy(() => import('./pages/admin/settings/SettingsPage.tsx'));
const CategoriesPage = lazy(() => import('./pages/admin/categories/CategoriesPage.tsx'));
const TeamsPage = lazy(() => import('./pages/admin/teams/TeamsPage.tsx'));
const UsersPage = lazy(() => import('./pages/admin/users/UsersPage.tsx'));
const TemplatesPage = lazy(() => import('./pages/admin/templates/TemplatesPage.tsx'));
const LinksPage = lazy(() => import('./pages/admin/links/LinksPage.tsx'));
const AssetTypesPage = lazy(() => import('./pages/admin/asset-types/AssetTypesPage.tsx'));
const AssetsPage = lazy(() => import('./pages/assets/AssetsPage.tsx'));
const AssetPage = lazy(() => import('./pages/assets/AssetPage.tsx'));
const AuditPage = lazy(() => import('./pages/admin/audit/AuditPage.tsx'));
const AssetImportPage = lazy(() => import('./pages/admin/assets-import/AssetImportPage.tsx'));
const OutboxPage = lazy(() => import('./pages/outbox/OutboxPage.tsx'));
const NoticesPage = lazy(() => import('./pages/notices/NoticesPage.tsx'));
const NewNoticePage = lazy(() => import('./pages/notices/NewNoticePage.tsx'));
const NoticeView = lazy(() => import('./pages/notices/NoticeView.tsx'));
const IncidentPage = lazy(() => import('./pages/incidents/IncidentPage.tsx'));
const NoticeTemplatesPage = lazy(() => import('./pages/notices/NoticeTemplatesPage.tsx'));
const SubscribersPage = lazy(() => import('./pages/subscribers/SubscribersPage.tsx'));
const SubscriberView = lazy(() => import('./pages/subscribers/SubscriberView.tsx'));
const ImportSubscribersPage = lazy(() => import('./pages/subscribers/ImportSubscribersPage.tsx'));
const FieldShell = lazy(() => import('./pages/field/FieldShell.tsx'));
const FieldRedirect = lazy(() => import('./pages/field/FieldRedirect.tsx'));
const FieldTaskList = lazy(() => import('./pages/field/TaskListPage.tsx'));
const FieldTask = lazy(() => import('./pages/field/TaskPage.tsx'));
const FieldMap = lazy(() => import('./pages/field/MapPage.tsx'));
const FieldNewProblem = lazy(() => import('./pages/field/NewProblemPage.tsx'));

/** A lazily loaded page, with "Loading…" while its code arrives. */
function page(Page: ComponentType) {
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

export const BASENAME = '/admin';

export const routes = [
  {
    element: <Outlet />,
    errorElement: <RouteError />,
    children: [
      { path: 'login', element: page(LoginPage) },
      { path: 'reset-password', element: page(ResetPasswordPage) },
      // Outside the login: the invited person may not have an account yet.
      { path: 'invitation', element: page(InvitationPage) },
      {
        element: <RequireSession />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'account', element: page(AccountPage) },
          // The field app: its own phone-first frame, outside the back office's shell.
          { path: 'felt', element: page(FieldRedirect) },
          {
            path: 'm/:kommunenummer/felt',
            element: page(FieldShell),
            children: [
              { index: true, element: page(FieldTaskList) },
              { path: 'oppgaver/:id', element: page(FieldTask) },
              { path: 'kart', element: page(FieldMap) },
              { path: 'ny', element: page(FieldNewProblem) },
            ],
          },
          {
            path: 'm/:kommunenummer',
            element: <AppShell />,
            children: [
              { index: true, element: <Navigate to="inbox" replace /> },
              {
                // The list beside the chosen case: both addresses render InboxPage.
                element: page(InboxPage),
                children: [
                  { path: 'inbox', element: null },
                  { path: 'reports/:id', element: page(CaseView) },
                ],
              },
              {
                path: 'front-desk',
                element: (
                  <RequireRole roles={[ROLE_FRONT_DESK, ROLE_ADMIN]}>{page(FrontDeskPage)}</RequireRole>
                ),
              },
              { path: 'dashboard', element: page(DashboardPage) },
              { path: 'notices', element: page(NoticesPage) },
              {
                path: 'notices/new',
                element: (
                  <RequireRole roles={[ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK]}>
                    {page(NewNoticePage)}
                  </RequireRole>
                ),
              },
              { path: 'notices/templates', element: page(NoticeTemplatesPage) },
              { path: 'notices/:id', element: page(NoticeView) },
              { path: 'subscribers', element: page(SubscribersPage) },
              {
                path: 'subscribers/import',
                element: <RequireRole roles={[ROLE_ADMIN]}>{page(ImportSubscribersPage)}</RequireRole>,
              },
              { path: 'subscribers/:id', element: page(SubscriberView) },
              { path: 'incidents/:id', element: page(IncidentPage) },
              {
                path: 'assets',
                element: <RequireRole roles={ASSET_READERS}>{page(AssetsPage)}</RequireRole>,
              },
              {
                path: 'assets/:id',
                element: <RequireRole roles={ASSET_READERS}>{page(AssetPage)}</RequireRole>,
              },
              { path: 'preferences', element: page(PreferencesPage) },
              {
                path: 'admin',
                element: <RequireRole roles={[ROLE_ADMIN]}>{page(AdminPage)}</RequireRole>,
                children: [
                  { index: true, element: <Navigate to="settings" replace /> },
                  { path: 'settings', element: page(SettingsPage) },
                  { path: 'categories', element: page(CategoriesPage) },
                  { path: 'teams', element: page(TeamsPage) },
                  { path: 'users', element: page(UsersPage) },
                  { path: 'templates', element: page(TemplatesPage) },
                  { path: 'messages', element: page(MessagesPage) },
                  { path: 'messages/:kind/:channel/:language', element: page(MessageEditPage) },
                  { path: 'links', element: page(LinksPage) },
                  { path: 'asset-types', element: page(AssetTypesPage) },
                  { path: 'audit', element: page(AuditPage) },
                  { path: 'assets/import', element: page(AssetImportPage) },
                  { path: '*', element: <NotFoundContent /> },
                ],
              },
              {
                path: 'outbox',
                element: <RequireRole roles={[ROLE_ADMIN]}>{page(OutboxPage)}</RequireRole>,
              },
              { path: '*', element: <NotFoundContent /> },
            ],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes, { basename: BASENAME });
}
