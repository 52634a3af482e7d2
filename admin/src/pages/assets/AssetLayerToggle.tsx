// The switch for the assets layer on a staff map, and what the layer holds in the current view,
// announced politely (how many assets, or that there are more than shown and zooming in helps).
import { useT } from '../../i18n/index.ts';
import type { AssetLayerState } from './asset-layer.ts';

export function AssetLayerToggle({
  id,
  on,
  onChange,
  state,
}: {
  id: string;
  on: boolean;
  onChange(on: boolean): void;
  state: AssetLayerState;
}) {
  const t = useT();
  const status = !on
    ? ''
    : state.loading
      ? t('assets.layerLoading')
      : state.total > state.shown
        ? t('assets.layerMore', { shown: state.shown, total: state.total })
        : t.plural('assets.layerCount', state.shown);
  return (
    <div className="asset-layer-toggle">
      <span>
        <input type="checkbox" id={id} checked={on} onChange={(e) => onChange(e.target.checked)} />{' '}
        <label htmlFor={id}>{t('assets.layer')}</label>
      </span>
      <span className="muted" role="status" aria-live="polite">
        {status}
      </span>
    </div>
  );
}
