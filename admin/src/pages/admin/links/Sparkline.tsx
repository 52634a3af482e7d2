// Scans of a QR link over the last 30 days as a small inline line: enough to see whether a
// sticker is being used, with the total as its text alternative for those who cannot see it.
import { useT } from '../../../i18n/index.ts';

const WIDTH = 90;
const HEIGHT = 20;

export function Sparkline({ values }: { values: readonly number[] }) {
  const t = useT();
  const total = values.reduce((sum, n) => sum + n, 0);
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? WIDTH / (values.length - 1) : WIDTH;
  const points = values
    .map((n, i) => `${(i * step).toFixed(1)},${(HEIGHT - 1 - (n / max) * (HEIGHT - 2)).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      role="img"
      aria-label={t('stickers.sparkline', { total })}
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
