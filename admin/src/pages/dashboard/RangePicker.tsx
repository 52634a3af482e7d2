// The period the dashboard counts: two dates, or a preset (last 30 or 90 days, this year).
import { useT } from '../../i18n/index.ts';

export interface Range {
  from: string;
  to: string;
}

/** Today's date in Norway as YYYY-MM-DD (the server counts days in Europe/Oslo too). */
export function osloToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());
}

function daysBefore(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

export function preset(kind: '30' | '90' | 'year'): Range {
  const to = osloToday();
  if (kind === 'year') return { from: `${to.slice(0, 4)}-01-01`, to };
  return { from: daysBefore(to, Number(kind) - 1), to };
}

export function RangePicker({ value, onChange }: { value: Range; onChange(next: Range): void }) {
  const t = useT();
  const presets = [
    ['30', t('dashboard.last30')],
    ['90', t('dashboard.last90')],
    ['year', t('dashboard.thisYear')],
  ] as const;
  return (
    <fieldset className="range-picker">
      <legend>{t('dashboard.period')}</legend>
      <div className="range-presets">
        {presets.map(([kind, label]) => {
          const range = preset(kind);
          const current = range.from === value.from && range.to === value.to;
          return (
            <button
              key={kind}
              type="button"
              className={current ? 'button button-primary' : 'button button-secondary'}
              aria-pressed={current}
              onClick={() => onChange(range)}
            >
              {label}
            </button>
          );
        })}
      </div>
      <div className="range-dates">
        <label htmlFor="dashboard-from">{t('dashboard.from')}</label>
        <input
          id="dashboard-from"
          type="date"
          value={value.from}
          max={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        />
        <label htmlFor="dashboard-to">{t('dashboard.to')}</label>
        <input
          id="dashboard-to"
          type="date"
          value={value.to}
          min={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        />
      </div>
    </fieldset>
  );
}
