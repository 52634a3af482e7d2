// The open incidents on the inbox's first screen: "2 open incidents" and one line per incident
// (category, how many reports within how many metres) linking to its page. Read when the inbox
// opens and again whenever the live stream says an incident was raised or grew; nothing is shown
// while there are none. A polite live region announces an incident that arrives.
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/index.ts';
import { type IncidentSummary, incidentsApi } from './incidents-api.ts';

export function IncidentsPanel({ k }: { k: string }) {
  const t = useT();
  const [incidents, setIncidents] = useState<IncidentSummary[]>([]);

  const load = useCallback(
    (signal?: AbortSignal) =>
      incidentsApi.list(k, signal).then(
        (answer) => setIncidents(answer.incidents),
        // The inbox works without the panel; the next live event tries again.
        () => {},
      ),
    [k],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    if (typeof EventSource === 'undefined') return () => controller.abort();
    const source = new EventSource(incidentsApi.eventsUrl(k));
    source.addEventListener('incident', () => void load());
    return () => {
      controller.abort();
      source.close();
    };
  }, [k, load]);

  // The live region is there from the start, so an incident that arrives is announced.
  return (
    <div className="incidents-panel" aria-live="polite" data-testid="incidents-panel">
      {incidents.length === 0 ? null : (
        <section aria-labelledby="incidents-heading">
          <h2 id="incidents-heading">{t.plural('incidents.open', incidents.length)}</h2>
          <ul>
            {incidents.map((incident) => (
              <li key={incident.id}>
                <Link to={`/m/${k}/incidents/${incident.id}`}>
                  {t('incidents.item', {
                    category: incident.category,
                    count: incident.reportCount,
                    radius: incident.radiusMeters,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
