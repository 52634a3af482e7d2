// "Open reports near this address", shown before saving: if the caller describes one of them,
// the staff member opens it instead of making a duplicate. (Adding the caller as a follower
// would need a JSON follow endpoint for staff; the public one is a form on the tracking page.)
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { StatusBadge } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import type { NearbyReport } from './front-desk-api.ts';

export function NearbyReports({
  kommunenummer,
  lat,
  lon,
  categoryId,
}: {
  kommunenummer: string;
  lat: number | null;
  lon: number | null;
  categoryId: string | null;
}) {
  const t = useT();
  const [state, setState] = useState<{ reports: NearbyReport[] | null; error: string | null }>({
    reports: null,
    error: null,
  });
  const ready = lat !== null && lon !== null && categoryId !== null;
  useEffect(() => {
    if (!ready) {
      setState({ reports: null, error: null });
      return;
    }
    const controller = new AbortController();
    ok(
      client.GET('/api/v1/staff/m/{kommunenummer}/front-desk/nearby', {
        params: { path: { kommunenummer }, query: { lat, lon, categoryId } },
        signal: controller.signal,
      }),
    ).then(
      (r) => setState({ reports: r.reports, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ reports: null, error: errorText(error, t) });
      },
    );
    return () => controller.abort();
  }, [kommunenummer, lat, lon, categoryId, ready, t]);

  return (
    <section className="desk-aside" aria-labelledby="desk-nearby-title">
      <h2 id="desk-nearby-title">{t('frontDesk.nearbyTitle')}</h2>
      <div aria-live="polite">
        {!ready ? (
          <p className="muted">{t('frontDesk.nearbyHint')}</p>
        ) : state.error ? (
          <p className="field-error">{state.error}</p>
        ) : state.reports === null ? (
          <p>{t('app.loading')}</p>
        ) : state.reports.length === 0 ? (
          <p>{t('frontDesk.nearbyNone')}</p>
        ) : (
          <>
            <p>{t('frontDesk.nearbyFound', { count: state.reports.length })}</p>
            <ul className="desk-reports">
              {state.reports.map((r) => (
                <li key={r.id}>
                  <strong>{r.ref}</strong> <StatusBadge status={r.status} /> ·{' '}
                  {t('frontDesk.metres', { n: r.distanceMeters })}
                  <br />
                  {r.address ?? ''} {r.description ? `– ${r.description.slice(0, 120)}` : ''}
                  <br />
                  <Link to={`/m/${kommunenummer}/reports/${r.id}`}>
                    {t('frontDesk.sameCase', { ref: r.ref })}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
