// The inbox's filters as a form above the list. Sending it puts the filter in the address (a new
// history entry, so the back button steps back through filters); the list follows the address.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { Button, REPORT_STATUSES } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { anyInexact, statusCountText } from '../count-text.ts';
import type { Directory } from '../directory.ts';
import { EMPTY_FILTER, type InboxFilter } from '../filters.ts';
import { CHANNELS, type Counts } from '../types.ts';

interface Props {
  filter: InboxFilter;
  counts: Counts | null;
  directory: Directory;
  onApply(filter: InboxFilter): void;
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

export function FilterForm({ filter, counts, directory, onApply }: Props) {
  const t = useT();
  const id = useId();
  const [draft, setDraft] = useState(filter);
  // The address changed (back button, a saved filter): the form shows it.
  useEffect(() => setDraft(filter), [filter]);
  const set = (patch: Partial<InboxFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const categories = directory.categories.filter((c) => !draft.group || c.groupId === draft.group);
  const more =
    draft.group || draft.category || draft.channels.length > 0 || draft.from || draft.to ? true : undefined;

  return (
    <form className="inbox-filters" onSubmit={submit} aria-label={t('inbox.filters')}>
      <div className="inbox-search-row">
        <div className="field">
          <label htmlFor="inbox-search">{t('inbox.search')}</label>
          <input
            id="inbox-search"
            type="search"
            value={draft.q}
            aria-describedby={`${id}-q-hint`}
            onChange={(e) => set({ q: e.target.value })}
          />
          <p className="field-hint" id={`${id}-q-hint`}>
            {t('inbox.searchHint')}
          </p>
        </div>
      </div>
      <fieldset className="inbox-statuses">
        <legend>{t('inbox.status')}</legend>
        {REPORT_STATUSES.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={draft.statuses.includes(status)}
              onChange={(e) => set({ statuses: toggle(draft.statuses, status, e.target.checked) })}
            />
            {t(`status.${status}`)}
            {counts ? (
              <span className="count">
                {' '}
                ({statusCountText(t, counts.counts[status] ?? { count: 0, accuracy: 'exact' })})
              </span>
            ) : null}
          </label>
        ))}
        {counts && anyInexact(counts) ? (
          <p className="field-hint inbox-count-note">{t('inbox.count.note')}</p>
        ) : null}
      </fieldset>
      <div className="inbox-filter-grid">
        <div className="field">
          <label htmlFor={`${id}-team`}>{t('inbox.team')}</label>
          <select id={`${id}-team`} value={draft.team} onChange={(e) => set({ team: e.target.value })}>
            <option value="">{t('inbox.any')}</option>
            <option value="none">{t('inbox.noTeam')}</option>
            {directory.teams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-assignee`}>{t('inbox.assignee')}</label>
          <select
            id={`${id}-assignee`}
            value={draft.assignee}
            onChange={(e) => set({ assignee: e.target.value })}
          >
            <option value="">{t('inbox.any')}</option>
            <option value="me">{t('inbox.me')}</option>
            <option value="none">{t('inbox.nobody')}</option>
            {directory.people.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        </div>
        <div className="inbox-flags">
          <label className="check">
            <input
              type="checkbox"
              checked={draft.overdue}
              onChange={(e) => set({ overdue: e.target.checked })}
            />
            {t('inbox.overdueOnly')}
          </label>
          <label className="check">
            <input type="checkbox" checked={draft.acute} onChange={(e) => set({ acute: e.target.checked })} />
            {t('inbox.acuteOnly')}
          </label>
        </div>
      </div>
      <details className="inbox-more" open={more}>
        <summary>{t('inbox.moreFilters')}</summary>
        <div className="inbox-filter-grid">
          <div className="field">
            <label htmlFor={`${id}-group`}>{t('inbox.group')}</label>
            <select
              id={`${id}-group`}
              value={draft.group}
              onChange={(e) => set({ group: e.target.value, category: '' })}
            >
              <option value="">{t('inbox.any')}</option>
              {directory.groups.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-category`}>{t('inbox.category')}</label>
            <select
              id={`${id}-category`}
              value={draft.category}
              onChange={(e) => set({ category: e.target.value })}
            >
              <option value="">{t('inbox.any')}</option>
              {categories.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{t('inbox.from')}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={draft.from}
              onChange={(e) => set({ from: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('inbox.to')}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={draft.to}
              onChange={(e) => set({ to: e.target.value })}
            />
          </div>
        </div>
        <fieldset className="inbox-channels">
          <legend>{t('inbox.channel')}</legend>
          {CHANNELS.map((channel) => (
            <label key={channel} className="check">
              <input
                type="checkbox"
                checked={draft.channels.includes(channel)}
                onChange={(e) => set({ channels: toggle(draft.channels, channel, e.target.checked) })}
              />
              {t(`inbox.channel.${channel}`)}
            </label>
          ))}
        </fieldset>
      </details>
      {directory.status === 'failed' ? <p className="field-error">{t('inbox.directoryFailed')}</p> : null}
      <div className="inbox-filter-actions">
        <Button type="submit">{t('inbox.apply')}</Button>
        <Button variant="secondary" onClick={() => onApply({ ...EMPTY_FILTER, sort: filter.sort })}>
          {t('inbox.reset')}
        </Button>
      </div>
    </form>
  );
}
