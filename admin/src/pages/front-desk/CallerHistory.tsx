// "Earlier reports from this caller": asked for as soon as a phone number or an email address is
// typed (after a short pause), so the conversation can start with "is this about your report
// from last week?". Each lookup is logged by the server as a look at personal data. The number and
// address go in a POST body, never in the address, which servers and proxies write to their logs.

import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { StatusBadge } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { type CallerReport, useDebounced } from './front-desk-api.ts';

/** Something@something: worth asking for (the server checks it properly). */
function hasAt(email: string): boolean {
  return email.slice(1, -1).includes('@');
}

/** Something@something.something, checked without a regular expression that could backtrack. */
function looksComplete(email: string): boolean {
  const at = email.indexOf('@', 1);
  return at !== -1 && email.slice(at + 2, -1).includes('.');
}

export function CallerHistory({
  kommunenummer,
  phone,
  email,
}: {
  kommunenummer: string;
  phone: string;
  email: string;
}) {
  const t = useT();
  const who = useDebounced({ phone: phone.replace(/\s/g, ''), email: email.trim() }, 400);
  const [state, setState] = useState<{
    reports: CallerReport[] | null;
    error: string | null;
    loading: boolean;
  }>({
    reports: null,
    error: null,
    loading: false,
  });
  const usable = who.phone.length >= 8 || looksComplete(who.email);
  useEffect(() => {
    if (!usable) {
      setState({ reports: null, error: null, loading: false });
      return;
    }
    const controller = new AbortController();
    setState((old) => ({ ...old, loading: true }));
    ok(
      client.POST('/api/v1/staff/m/{kommunenummer}/front-desk/caller', {
        params: { path: { kommunenummer } },
        body: {
          ...(who.phone.length >= 8 ? { phone: who.phone } : {}),
          ...(hasAt(who.email) ? { email: who.email } : {}),
        },
        signal: controller.signal,
      }),
    ).then(
      (r) => setState({ reports: r.reports, error: null, loading: false }),
      (error: unknown) => {
        if (!controller.signal.aborted)
          setState({ reports: null, error: errorText(error, t), loading: false });
      },
    );
    return () => controller.abort();
  }, [kommunenummer, who.phone, who.email, usable, t]);

  return (
    <section className="desk-aside" aria-labelledby="desk-caller-title">
      <h2 id="desk-caller-title">{t('frontDesk.callerTitle')}</h2>
      <div aria-live="polite">
        {!usable ? (
          <p className="muted">{t('frontDesk.callerHint')}</p>
        ) : state.loading ? (
          <p>{t('app.loading')}</p>
        ) : state.error ? (
          <p className="field-error">{state.error}</p>
        ) : state.reports && state.reports.length === 0 ? (
          <p>{t('frontDesk.callerNone')}</p>
        ) : state.reports ? (
          <>
            <p>{t('frontDesk.callerFound', { count: state.reports.length })}</p>
            <ul className="desk-reports">
              {state.reports.map((r) => (
                <li key={r.id}>
                  <Link to={`/m/${kommunenummer}/reports/${r.id}`}>{r.ref}</Link>{' '}
                  <StatusBadge status={r.status} />
                  <br />
                  {r.category.name}
                  {r.address ? ` · ${r.address}` : ''} · {t.dateTime(r.createdAt, { dateStyle: 'short' })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
