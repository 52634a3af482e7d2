// Dashboard: for a period (presets or two dates), the key figures, reports by status and by
// category, received vs done per week, and what is overdue now. Every chart has its numbers as
// a table. The CSV export (the same period) is offered to the roles that may export.
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { EmptyState, ErrorSummary, Loading, REPORT_STATUSES, StatusBadge } from '../../components/index.ts';
import { formatIsoWeek, useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { hasRole, useMembership } from '../../session/index.ts';
import { summaryItems } from '../admin/shared/forms.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { type Dashboard, EXPORT_PERSONAL_ROLES, EXPORT_ROLES } from './dashboard-api.ts';
import { KeyFigures } from './KeyFigures.tsx';
import { preset, type Range, RangePicker } from './RangePicker.tsx';
import './dashboard.css';

export default function DashboardPage() {
  const t = useT();
  const membership = useMembership();
  const k = membership.kommunenummer;
  const [params, setParams] = useSearchParams();
  const range: Range = useMemo(() => {
    const from = params.get('from');
    const to = params.get('to');
    return from && to ? { from, to } : preset('30');
  }, [params]);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    ok(
      client.GET('/api/v1/staff/m/{kommunenummer}/dashboard', {
        params: { path: { kommunenummer: k }, query: { ...range } },
        signal: controller.signal,
      }),
    ).then(
      (result) => {
        setData(result);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [k, range]);

  const changeRange = (next: Range) =>
    setParams((old) => {
      const out = new URLSearchParams(old);
      out.set('from', next.from);
      out.set('to', next.to);
      return out;
    });

  // The export takes the inbox's filter names; any passed to this page (from the inbox) go along.
  const exportQuery = new URLSearchParams(params);
  exportQuery.set('from', range.from);
  exportQuery.set('to', range.to);
  const exportUrl = `/api/v1/staff/m/${k}/reports/export.csv?${exportQuery}`;

  const charts = useMemo(() => {
    if (!data) return null;
    const statuses = REPORT_STATUSES.filter((s) => (data.byStatus[s] ?? 0) > 0);
    return {
      status: {
        labels: statuses.map((s) => t(`status.${s}`)),
        values: statuses.map((s) => data.byStatus[s] ?? 0),
      },
      category: { labels: data.byCategory.map((c) => c.name), values: data.byCategory.map((c) => c.count) },
      weeks: {
        labels: data.perWeek.map((w) => formatIsoWeek(t.language, w.week)),
        received: data.perWeek.map((w) => w.received),
        done: data.perWeek.map((w) => w.done),
      },
    };
  }, [data, t]);

  return (
    <div className="dashboard">
      <PageHeading title={t('dashboard.title')} />
      <div className="dashboard-tools">
        <RangePicker value={range} onChange={changeRange} />
        {hasRole(membership, ...EXPORT_ROLES) ? (
          <div className="dashboard-export">
            <h2>{t('dashboard.export')}</h2>
            <p className="field-hint">{t('dashboard.exportHint', { from: range.from, to: range.to })}</p>
            <a className="button button-secondary" href={exportUrl} download>
              {t('dashboard.exportCsv')}
            </a>{' '}
            {hasRole(membership, ...EXPORT_PERSONAL_ROLES) ? (
              <a className="button button-secondary" href={`${exportUrl}&personal=true`} download>
                {t('dashboard.exportPersonal')}
              </a>
            ) : null}
          </div>
        ) : null}
      </div>
      <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'dashboard')} />
      <div aria-live="polite" aria-busy={loading}>
        {loading && !data ? <Loading /> : null}
        {data && charts ? (
          <>
            <p className="visually-hidden">{t('dashboard.showing', { from: data.from, to: data.to })}</p>
            <KeyFigures data={data} />
            {charts.status.values.length === 0 ? (
              <EmptyState title={t('dashboard.empty')} />
            ) : (
              <div className="chart-grid">
                <ChartFigure
                  title={t('dashboard.byStatus')}
                  labels={charts.status.labels}
                  series={[{ label: t('dashboard.count'), values: charts.status.values, colour: '#005a8c' }]}
                  summary={charts.status.labels.map((l, i) => `${l}: ${charts.status.values[i]}`).join(', ')}
                />
                <ChartFigure
                  title={t('dashboard.byCategory')}
                  horizontal
                  labels={charts.category.labels}
                  series={[
                    { label: t('dashboard.count'), values: charts.category.values, colour: '#2e7d4f' },
                  ]}
                  summary={charts.category.labels
                    .map((l, i) => `${l}: ${charts.category.values[i]}`)
                    .join(', ')}
                />
                <ChartFigure
                  title={t('dashboard.perWeek')}
                  labels={charts.weeks.labels}
                  series={[
                    {
                      label: t('dashboard.receivedSeries'),
                      values: charts.weeks.received,
                      colour: '#005a8c',
                    },
                    {
                      label: t('dashboard.doneSeries'),
                      values: charts.weeks.done,
                      colour: '#b35900',
                      type: 'line',
                    },
                  ]}
                  summary={t('dashboard.perWeekSummary', { weeks: charts.weeks.labels.length })}
                />
              </div>
            )}
            <section className="overdue" aria-labelledby="overdue-title">
              <h2 id="overdue-title">{t('dashboard.overdue', { count: data.overdue.length })}</h2>
              {data.overdue.length === 0 ? (
                <p>{t('dashboard.noOverdue')}</p>
              ) : (
                <ul className="overdue-list">
                  {data.overdue.map((item) => (
                    <li key={item.id}>
                      <Link to={`/m/${k}/reports/${item.id}`}>{item.ref}</Link>{' '}
                      <StatusBadge status={item.status} /> {item.category.name}
                      {item.address ? ` · ${item.address}` : ''}
                      {item.dueAt ? ` · ${t('dashboard.due', { when: t.dateTime(item.dueAt) })}` : ''}
                      {item.team ? ` · ${item.team.name}` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        ) : null}
      </div>
    </div>
  );
}
