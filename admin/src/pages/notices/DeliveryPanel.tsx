// A notice's delivery to its subscribers: per version, how many messages were made, sent,
// delivered and failed, read again every few seconds while the fan-out or the sending is still
// going; and, for those who may see contact details, the vulnerable subscribers to call, with
// their phone numbers as tel: links. The server decides who is on the call list (notice-delivery.ts).
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import { EmptyState } from '../../components/index.ts';
import { useT } from '../../i18n/index.ts';
import {
  hasRole,
  ROLE_ADMIN,
  ROLE_CASE_WORKER,
  ROLE_FRONT_DESK,
  useMembership,
} from '../../session/index.ts';

const DELIVERY = '/api/v1/staff/m/{kommunenummer}/notices/{id}/delivery';
const CALLS = '/api/v1/staff/m/{kommunenummer}/notices/{id}/call-list';
type Delivery = Answer<typeof DELIVERY>;
type Calls = Answer<typeof CALLS>;

/** How often the figures are read again while messages are being made or sent. */
const POLL_MS = 3000;
const COUNTS = ['targeted', 'queued', 'sent', 'delivered', 'failed'] as const;

function CallList({ calls }: { calls: Calls }) {
  const t = useT();
  return (
    <section aria-labelledby="notice-calls-title">
      <h3 id="notice-calls-title">{t('notices.calls.title')}</h3>
      <p className="field-hint">{t('notices.calls.intro', { minutes: calls.callAfterMinutes })}</p>
      {calls.calls.length === 0 ? (
        <EmptyState title={t('notices.calls.empty')} />
      ) : (
        <table className="notice-calls" data-testid="notice-calls">
          <thead>
            <tr>
              <th scope="col">{t('notices.calls.name')}</th>
              <th scope="col">{t('notices.calls.phone')}</th>
              <th scope="col">{t('notices.calls.address')}</th>
              <th scope="col">{t('notices.calls.note')}</th>
              <th scope="col">{t('notices.calls.messages')}</th>
            </tr>
          </thead>
          <tbody>
            {calls.calls.map((call) => (
              <tr key={call.subscriberId}>
                <td>{call.name ?? '–'}</td>
                <td>
                  {call.phone ? (
                    <a href={`tel:${call.phone.replace(/\s+/g, '')}`}>{call.phone}</a>
                  ) : (
                    t('notices.calls.noPhone')
                  )}
                </td>
                <td>{call.address ?? '–'}</td>
                <td>{call.note ?? '–'}</td>
                <td>
                  {call.messages
                    .map(
                      (m) =>
                        `${t(`notices.calls.channel.${m.channel}`)}: ${t(`notices.calls.status.${m.status}`)}`,
                    )
                    .join(', ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {calls.waiting > 0 ? <p>{t('notices.calls.waiting', { count: calls.waiting })}</p> : null}
    </section>
  );
}

export function DeliveryPanel({ noticeId, version }: { noticeId: string; version: number }) {
  const t = useT();
  const membership = useMembership();
  const { kommunenummer } = membership;
  // As src/modules/accounts/policies.ts: case.read_contact.
  const mayCall = hasRole(membership, ROLE_ADMIN, ROLE_CASE_WORKER, ROLE_FRONT_DESK, 'feltarbeider');
  const [delivery, setDelivery] = useState<Delivery | null>(null);
  const [calls, setCalls] = useState<Calls | null>(null);

  // `version` in the dependencies: a publish, update or end on the page starts polling again.
  useEffect(() => {
    const controller = new AbortController();
    const params = { params: { path: { kommunenummer, id: noticeId } }, signal: controller.signal };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      try {
        const next = await ok(client.GET(DELIVERY, params));
        setDelivery(next);
        if (mayCall) setCalls(await ok(client.GET(CALLS, params)));
        // A version just written has no fan-out row for a moment only if the page raced it; poll then too.
        const latest = next.versions[0]?.version ?? 0;
        if (next.inProgress || latest < version) timer = setTimeout(() => void read(), POLL_MS);
      } catch {
        if (!controller.signal.aborted) timer = setTimeout(() => void read(), POLL_MS * 2);
      }
    };
    void read();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [kommunenummer, noticeId, version, mayCall]);

  if (!delivery) return null;
  return (
    <section
      className="notice-delivery"
      aria-labelledby="notice-delivery-title"
      data-testid="notice-delivery"
    >
      <h2 id="notice-delivery-title">{t('notices.delivery.title')}</h2>
      {delivery.versions.length === 0 ? (
        <EmptyState title={t('notices.delivery.none')} />
      ) : (
        <>
          {delivery.inProgress ? <p className="field-hint">{t('notices.delivery.live')}</p> : null}
          <table className="notice-delivery-counts">
            <thead>
              <tr>
                <th scope="col">{t('notices.col.status')}</th>
                {COUNTS.map((count) => (
                  <th scope="col" key={count}>
                    {t(`notices.delivery.${count}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {delivery.versions.map((v) => (
                <tr key={v.version} data-testid={`delivery-version-${v.version}`}>
                  <th scope="row">
                    {t('notices.delivery.version', { version: v.version })} ·{' '}
                    {t(`notices.delivery.state.${v.state}`)}
                  </th>
                  {COUNTS.map((count) => (
                    <td key={count} data-count={count}>
                      {v[count]}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {mayCall && calls ? <CallList calls={calls} /> : null}
    </section>
  );
}
