// One asset: what the register says (type, id, name, position, attributes as a list), the QR
// links on it with their scans, and its reports newest first. Repeated faults stand out: the
// count of the last 12 months is a badge, with a line saying what it means when it is high.
import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { client, ok } from '../../api/client.ts';
import { EmptyState, ErrorSummary, Loading, type ReportStatus, StatusBadge } from '../../components/index.ts';
import { useLeafletMap } from '../../components/use-leaflet-map.ts';
import { useT } from '../../i18n/index.ts';
import { PageHeading } from '../../layout/index.ts';
import { useMembership } from '../../session/index.ts';
import { Sparkline } from '../admin/links/Sparkline.tsx';
import { pick, summaryItems } from '../admin/shared/forms.ts';
import { useDirectory } from '../inbox/directory.ts';
import { assetLabel } from './asset-layer.ts';
import { ASSET, type Asset, REPEATED_FAULTS } from './assets-api.ts';
import '../admin/shared/admin-forms.css';
import './assets.css';

function AssetMap({ asset, label }: { asset: Asset; label: string }) {
  const directory = useDirectory();
  const element = useRef<HTMLElement>(null);
  const map = useRef<L.Map | null>(null);
  const layer = useRef<L.LayerGroup | null>(null);
  useLeafletMap(element, { map, layer }, { zoom: 16 }, directory.map);
  useEffect(() => {
    const group = layer.current;
    if (!map.current || !group) return;
    group.clearLayers();
    group.addLayer(
      L.marker([asset.lat, asset.lon], {
        keyboard: false,
        icon: L.divIcon({ className: 'asset-map-marker asset-map-marker-large', iconSize: [20, 20] }),
      }),
    );
    map.current.setView([asset.lat, asset.lon], 16);
  }, [asset]);
  return <section ref={element} className="asset-map" aria-label={label} />;
}

export default function AssetPage() {
  const t = useT();
  const { kommunenummer: k } = useMembership();
  const { id = '' } = useParams();
  const [asset, setAsset] = useState<Asset | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setAsset(null);
    setError(null);
    ok(client.GET(ASSET, { params: { path: { kommunenummer: k, id } } })).then(setAsset, setError);
  }, [k, id]);

  if (!asset) {
    return (
      <div className="asset-page">
        <Link to={`/m/${k}/assets`}>{t('assets.back')}</Link>
        {error ? (
          <>
            <PageHeading title={t('assets.title')} />
            <ErrorSummary title={t('errors.summaryTitle')} items={summaryItems(error, t, 'asset')} />
          </>
        ) : (
          <Loading />
        )}
      </div>
    );
  }
  const title = assetLabel(asset, t.language);
  const repeated = asset.reportsLast12Months >= REPEATED_FAULTS;
  return (
    <div className="asset-page">
      <Link to={`/m/${k}/assets`}>{t('assets.back')}</Link>
      <PageHeading title={title}>
        {title}{' '}
        <span className={repeated ? 'repeat-badge' : 'count-badge'}>
          {t.plural('assets.recent', asset.reportsLast12Months)}
        </span>
      </PageHeading>
      {repeated ? <p className="notice">{t('assets.repeated')}</p> : null}
      <div className="asset-columns">
        <section aria-labelledby="asset-details">
          <h2 id="asset-details">{t('assets.details')}</h2>
          <dl className="asset-facts">
            <div>
              <dt>{t('assets.col.type')}</dt>
              <dd>{pick(asset.type.name, t.language)}</dd>
            </div>
            <div>
              <dt>{t('assets.col.id')}</dt>
              <dd>{asset.externalId}</dd>
            </div>
            <div>
              <dt>{t('assets.col.name')}</dt>
              <dd>{asset.name}</dd>
            </div>
            <div>
              <dt>{t('assets.position')}</dt>
              <dd>
                {asset.lat.toFixed(5)}, {asset.lon.toFixed(5)}
              </dd>
            </div>
          </dl>
          <h3>{t('assets.attributes')}</h3>
          {asset.attributes.length === 0 ? (
            <p className="muted">{t('assets.noAttributes')}</p>
          ) : (
            <dl className="asset-facts">
              {asset.attributes.map((a) => (
                <div key={a.key}>
                  <dt>{a.key}</dt>
                  <dd>{a.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <AssetMap asset={asset} label={t('assets.mapLabel', { name: title })} />
        </section>
        <section aria-labelledby="asset-links">
          <h2 id="asset-links">{t('assets.links')}</h2>
          {asset.reportLinks.length === 0 ? (
            <p className="muted">{t('assets.noLinks')}</p>
          ) : (
            <ul className="admin-list asset-links">
              {asset.reportLinks.map((link) => (
                <li key={link.id} className="link-row">
                  <img
                    src={`/q/${encodeURIComponent(link.code)}.svg`}
                    alt={link.url}
                    width={72}
                    height={72}
                  />
                  <div className="grow-text">
                    <a href={link.url}>{link.url}</a>
                    {link.active ? null : <span className="inactive-tag">{t('admin.form.inactive')}</span>}
                    <br />
                    <span className="muted">{t.plural('assets.linkScans', link.scanCount)}</span>{' '}
                    <Sparkline values={link.scansByDay} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="asset-reports">
          <h2 id="asset-reports">{t('assets.reports')}</h2>
          {asset.reports.length === 0 ? (
            <EmptyState title={t('assets.noReports')} />
          ) : (
            <>
              {asset.reportsTotal > asset.reports.length ? (
                <p className="muted">
                  {t('assets.reportsShown', { shown: asset.reports.length, total: asset.reportsTotal })}
                </p>
              ) : null}
              <ul className="asset-reports">
                {asset.reports.map((r) => (
                  <li key={r.id}>
                    <Link to={`/m/${k}/reports/${r.id}`}>{r.ref}</Link>{' '}
                    <StatusBadge status={r.status as ReportStatus} />
                    <br />
                    <span>{pick(r.category, t.language)}</span>
                    {' · '}
                    <time dateTime={r.createdAt}>{t.dateTime(r.createdAt, { dateStyle: 'medium' })}</time>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
    </div>
  );
}
