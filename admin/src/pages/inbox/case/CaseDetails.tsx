// What the report says: description, answers, photos, place (with a small map), asset, followers,
// and where it has gone (merged, forwarded).
import { Link } from 'react-router';
import { useT } from '../../../i18n/index.ts';
import { useInboxContext } from '../inbox-context.ts';
import { ReportMap } from '../ReportMap.tsx';
import type { Case } from '../types.ts';

export function CaseDetails({ c, k }: { c: Case; k: string }) {
  const t = useT();
  const { search, directory } = useInboxContext();
  const link = (id: string) => ({ pathname: `/m/${k}/reports/${id}`, search });
  return (
    <>
      {c.mergedInto ? (
        <p className="notice case-merged">
          {t('case.mergedInto')} <Link to={link(c.mergedInto.id)}>{c.mergedInto.ref}</Link>
        </p>
      ) : null}
      {c.duplicates.length > 0 ? (
        <p className="notice">
          {t('case.duplicates')}{' '}
          {c.duplicates.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? ', ' : null}
              <Link to={link(d.id)}>{d.ref}</Link>
            </span>
          ))}
        </p>
      ) : null}
      {c.linkedNotices.map((n) => (
        <p className="notice case-linked-notice" key={n.id}>
          {t('case.linkedNotice')} <Link to={`/m/${k}/notices/${n.id}`}>{n.title}</Link>
          {n.automatic ? ` ${t('case.linkedNoticeAuto')}` : ''}
        </p>
      ))}
      {c.forwardedTo ? (
        <p className="notice">
          {t('case.forwardedTo', { to: c.forwardedTo })}
          {c.forwardedToEmail ? ` (${c.forwardedToEmail})` : ''}
        </p>
      ) : null}
      <h4>{t('case.description')}</h4>
      <p className="case-description">{c.description || t('case.noDescription')}</p>
      {c.answers.length > 0 ? (
        <>
          <h4>{t('case.answers')}</h4>
          <dl className="case-answers">
            {c.answers.map((a) => (
              <div key={a.question}>
                <dt>{a.question}</dt>
                <dd>{a.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {c.photos.length > 0 ? (
        <>
          <h4>{t('case.photos')}</h4>
          <ul className="case-photos">
            {c.photos.map((p, i) => (
              <li key={p.url}>
                <a href={p.url} target="_blank" rel="noreferrer">
                  <img
                    src={p.thumbnailUrl}
                    alt={t('case.photoAlt', { n: i + 1, ref: c.ref })}
                    width={160}
                    height={Math.round((160 * p.height) / Math.max(1, p.width))}
                  />
                  <span className="visually-hidden">{t('case.opensNewTab')}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h4>{t('case.place')}</h4>
      <dl className="case-facts">
        <div>
          <dt>{t('case.address')}</dt>
          <dd>{c.address ?? t('case.noAddress')}</dd>
        </div>
        {c.asset ? (
          <div>
            <dt>{t('case.asset')}</dt>
            <dd>
              <Link to={`/m/${k}/assets/${c.asset.id}`}>
                {c.asset.typeName} {c.asset.externalId}
              </Link>
            </dd>
          </div>
        ) : c.assetRef ? (
          <div>
            <dt>{t('case.asset')}</dt>
            <dd>{c.assetRef}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('case.followers')}</dt>
          <dd>{c.followersCount}</dd>
        </div>
        <div>
          <dt>{t('case.channel')}</dt>
          <dd>{t(`inbox.channel.${c.channel}`)}</dd>
        </div>
      </dl>
      {c.lat !== null && c.lon !== null ? (
        <ReportMap
          className="report-map-small"
          tiles={directory.map}
          label={t('case.mapLabel', { ref: c.ref })}
          points={[{ id: c.id, lat: c.lat, lon: c.lon, status: c.status, label: c.ref }]}
          selectedId={c.id}
        />
      ) : null}
    </>
  );
}
