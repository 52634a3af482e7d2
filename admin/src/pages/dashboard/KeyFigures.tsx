// The three numbers a leader asks for first: how quickly we answer, how quickly we finish, and
// how often within the deadline.
import { useT } from '../../i18n/index.ts';
import type { Dashboard } from './dashboard-api.ts';

export function KeyFigures({ data }: { data: Dashboard }) {
  const t = useT();
  const hours = (value: number | null) => {
    if (value === null) return t('dashboard.noData');
    if (value < 48)
      return t('dashboard.hours', {
        n: new Intl.NumberFormat(t.language === 'en' ? 'en-GB' : 'nb-NO', {
          maximumFractionDigits: 1,
        }).format(value),
      });
    return t('dashboard.days', {
      n: new Intl.NumberFormat(t.language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1 }).format(
        value / 24,
      ),
    });
  };
  const share =
    data.shareDoneWithinDeadline === null
      ? t('dashboard.noData')
      : `${Math.round(data.shareDoneWithinDeadline * 100)} %`;
  const received = data.perWeek.reduce((sum, w) => sum + w.received, 0);
  const figures = [
    [t('dashboard.received'), String(received)],
    [t('dashboard.medianFirstReply'), hours(data.medianHoursToFirstReply)],
    [t('dashboard.medianDone'), hours(data.medianHoursToDone)],
    [t('dashboard.withinDeadline'), share],
  ];
  return (
    <section aria-labelledby="key-figures-title">
      <h2 id="key-figures-title" className="visually-hidden">
        {t('dashboard.keyFigures')}
      </h2>
      <dl className="key-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="key-figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
