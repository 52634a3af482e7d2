// "1 ny melding – vis": told politely (aria-live), never taking focus or moving the list.
import { useT } from '../../../i18n/index.ts';

export function LiveBanner({ count, onShow }: { count: number; onShow(): void }) {
  const t = useT();
  return (
    <div className="live-banner-region" aria-live="polite">
      {count > 0 ? (
        <p className="live-banner">
          {t.plural('inbox.newReports', count)}{' '}
          <button type="button" className="button button-link" onClick={onShow}>
            {t('inbox.showNew')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
