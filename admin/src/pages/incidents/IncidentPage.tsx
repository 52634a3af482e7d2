// One incident: its category, its reports (each linking to its case) on a map, and the one action
// that matters, "Create notice from incident", which makes a draft notice over the reports and
// opens it for editing; or dismissing it as noise.
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, ErrorSummary, Loading, StatusBadge } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import {
  hasRole,
  ROLE_ADMIN,
  ROLE_CASE_WORKER,
  ROLE_FRONT_DESK,
  useMembership,
} from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import { useDirectory } from '../inbox/directory.ts';
import { ReportMap } from '../inbox/ReportMap.tsx';
import { type Incident, incidentsApi } from './incidents-api.ts';

export default function IncidentPage() {
  const t = useT();
  const membership = useMembership();
  const k = membership.kommunenummer;
  // As src/modules/accounts/policies.ts: notice.draft.
  const mayAct = hasRole(membership, ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const directory = useDirectory();
  const [incident, setIncident] = useState<Incident | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    incidentsApi.get(k, id, controller.signal).then(setIncident, (problem: unknown) => {
      if (!controller.signal.aborted) setError(problem);
    });
    return () => controller.abort();
  }, [k, id]);

  async function createNotice() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { notice } = await incidentsApi.createNotice(k, id);
      void navigate(`/m/${k}/notices/${notice.id}`, { state: { done: 'created' } });
    } catch (problem) {
      setError(problem);
      setBusy(false);
    }
  }

  async function dismiss() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setIncident(await incidentsApi.dismiss(k, id));
    } catch (problem) {
      setError(problem);
    } finally {
      setBusy(false);
    }
  }

  if (!incident) {
    return error ? (
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'incident')} />
    ) : (
      <Loading />
    );
  }
  return (
    <>
      <p>
        <Link to={`/m/${k}/inbox`}>{t('incidents.back')}</Link>
      </p>
      <PageHeading title={t('incidents.title', { category: incident.category })} />
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'incident')} />
      <p data-testid="incident-status">
        {t(`incidents.status.${incident.status}`)} ·{' '}
        {t('incidents.item', {
          category: incident.category,
          count: incident.reportCount,
          radius: incident.radiusMeters,
        })}
      </p>
      {incident.noticeId ? (
        <p>
          {t('incidents.notice')} <Link to={`/m/${k}/notices/${incident.noticeId}`}>{incident.noticeId}</Link>
        </p>
      ) : null}
      {incident.status === 'open' && mayAct ? (
        <div className="notice-actions">
          <Button busy={busy} busyLabel={t('incidents.working')} onClick={() => void createNotice()}>
            {t('incidents.createNotice')}
          </Button>
          <Button variant="secondary" disabled={busy} onClick={() => void dismiss()}>
            {t('incidents.dismiss')}
          </Button>
        </div>
      ) : null}
      <h2>{t('incidents.reports')}</h2>
      <ul className="incident-reports">
        {incident.reports.map((r) => (
          <li key={r.id}>
            <Link to={`/m/${k}/reports/${r.id}`}>{r.ref}</Link> {r.address ?? ''}{' '}
            <StatusBadge status={r.status} />
          </li>
        ))}
      </ul>
      <ReportMap
        points={incident.reports.map((r) => ({
          id: r.id,
          lat: r.lat,
          lon: r.lon,
          status: r.status,
          label: r.ref,
        }))}
        tiles={directory.map}
        label={t('incidents.reports')}
      />
    </>
  );
}
