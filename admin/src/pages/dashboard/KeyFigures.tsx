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
  const figures: { label: string; value: string; detail?: string }[] = [
    { label: t('dashboard.received'), value: String(received) },
    { label: t('dashboard.medianFirstReply'), value: hours(data.medianHoursToFirstReply) },
    { label: t('dashboard.medianDone'), value: hours(data.medianHoursToDone) },
    { label: t('dashboard.withinDeadline'), value: share },
  ];
  // The reporters' answers to "is it really fixed?", as a share of those asked (when the server
  // counts them).
  const fix = data.fixFeedback;
  if (fix) {
    const answer = (label: string, n: number) =>
      fix.asked === 0
        ? { label, value: t('dashboard.fixNone') }
        : {
            label,
            value: `${Math.round((n / fix.asked) * 100)} %`,
            detail: t('dashboard.fixShare', { n, asked: fix.asked }),
          };
    figures.push(
      answer(t('dashboard.fixConfirmed'), fix.confirmed),
      answer(t('dashboard.fixReopened'), fix.reopened),
    );
  }
  return (
    <section aria-labelledby="key-figures-title">
      <h2 id="key-figures-title" className="visually-hidden">
        {t('dashboard.keyFigures')}
      </h2>
      <dl className="key-figures">
        {figures.map(({ label, value, detail }) => (
          <div key={label} className="key-figure">
            <dt>{label}</dt>
            <dd>
              {value}
              {detail ? <span className="key-figure-detail">{detail}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
