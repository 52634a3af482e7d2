// The invitation's token: read from the link's ?token= once, then kept for this tab only
// (sessionStorage) and taken out of the address bar at once, so it does not linger in the
// history, a bookmark or a screenshot, and survives the detour through the login page.
const KEY = 'meldepunkt.invitation';

export function takeInvitationToken(): string | null {
  const url = new URL(window.location.href);
  const fromLink = url.searchParams.get('token');
  if (fromLink) {
    sessionStorage.setItem(KEY, fromLink);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromLink;
  }
  return sessionStorage.getItem(KEY);
}

/** Once the invitation is accepted (or dead), the token is of no use: forget it. */
export function forgetInvitationToken(): void {
  sessionStorage.removeItem(KEY);
}
