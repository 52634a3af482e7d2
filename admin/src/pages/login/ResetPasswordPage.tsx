// /reset-password: outside the login, in the plain frame. Without a token it asks for a link by
// email (POST /staff/password-reset); with ?token= from that email it sets a new password
// (POST /staff/password-reset/confirm). The server answers a request the same whether or not the
// address has an account, and so does this page.
import { useLocation, useSearchParams } from 'react-router';
import { PlainShell } from '../../layout/index.ts';
import { RequestResetForm } from './RequestResetForm.tsx';
import { SetPasswordForm } from './SetPasswordForm.tsx';
import './reset-password.css';

export default function ResetPasswordPage() {
  const [search] = useSearchParams();
  const location = useLocation();
  const token = search.get('token');
  // The login page passes on what was typed there, so it need not be typed twice.
  const email = (location.state as { email?: string } | null)?.email ?? '';
  return (
    <PlainShell>
      <div className="login reset-password">
        {token ? <SetPasswordForm token={token} /> : <RequestResetForm initialEmail={email} />}
      </div>
    </PlainShell>
  );
}
