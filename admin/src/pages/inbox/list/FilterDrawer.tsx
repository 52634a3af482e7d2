// Every filter of the inbox but the search, in a drawer that slides over the page's right side (a
// modal dialog: Esc or "Lukk" closes it, focus goes back to the button that opened it). Applying
// puts the filter in the address (a new history entry, so the back button steps back through
// filters); the list follows the address.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button, REPORT_STATUSES } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { CategoryOptions } from '../CategoryOptions.tsx';
import type { Directory } from '../directory.ts';
import { EMPTY_FILTER, type InboxFilter } from '../filters.ts';
import { CHANNELS, type Counts } from '../types.ts';
import { CountNote, StatusCount } from './StatusCount.tsx';

interface Props {
  open: boolean;
  filter: InboxFilter;
  counts: Counts | null;
  directory: Directory;
  onApply(filter: InboxFilter): void;
  onClose(): void;
}

function toggle<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value);
}

export function FilterDrawer({ open, filter, counts, directory, onApply, onClose }: Props) {
  const t = useT();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [draft, setDraft] = useState(filter);
  // Opened, or the address changed (back button, a saved filter): the form shows the filter in use.
  useEffect(() => {
    if (open) setDraft(filter);
  }, [filter, open]);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const set = (patch: Partial<InboxFilter>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
    onClose();
  };
  const categories = directory.categories.filter((c) => !draft.group || c.groupId === draft.group);

  return (
    <dialog
      ref={dialog}
      className="dialog filter-drawer"
      id="inbox-filter-drawer"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
    >
      <form className="inbox-filters" onSubmit={submit}>
        <div className="filter-drawer-head">
          <h2 id={`${id}-title`}>{t('inbox.filters')}</h2>
          <Button variant="secondary" onClick={onClose}>
            {t('inbox.closeFilters')}
          </Button>
        </div>
        <div className="filter-drawer-body">
          <fieldset className="inbox-statuses">
            <legend>{t('inbox.status')}</legend>
            {REPORT_STATUSES.map((status) => (
              <label key={status} className="check">
                <input
                  type="checkbox"
                  checked={draft.statuses.includes(status)}
                  onChange={(e) => set({ statuses: toggle(draft.statuses, status, e.target.checked) })}
                />
                {t(`status.${status}`)} <StatusCount counts={counts} statuses={[status]} />
              </label>
            ))}
            <CountNote counts={counts} />
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
              <input
                type="checkbox"
                checked={draft.acute}
                onChange={(e) => set({ acute: e.target.checked })}
              />
              {t('inbox.acuteOnly')}
            </label>
          </div>
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
                <CategoryOptions groups={directory.groups} categories={categories} />
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
          {directory.status === 'failed' ? <p className="field-error">{t('inbox.directoryFailed')}</p> : null}
        </div>
        <div className="inbox-filter-actions">
          <Button type="submit">{t('inbox.apply')}</Button>
          <Button
            variant="secondary"
            onClick={() => setDraft({ ...EMPTY_FILTER, q: filter.q, sort: filter.sort })}
          >
            {t('inbox.clearDrawer')}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
