import { Navigate, Outlet, useLocation } from 'react-router';
import { Loading } from '../components/index.ts';
import { useSession } from '../session/index.ts';

/** Everything but /login: waits for the session, and sends nobody-logged-in to /login. */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') {
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  }
  return <Outlet />;
}
