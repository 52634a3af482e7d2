// My saved filters: apply one, delete one, or save the current filter under a name. A disclosure
// in the inbox's bar whose panel drops down over the list; what was done is said in it.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { errorText } from '../../../api/error-text.ts';
import { Button } from '../../../components/index.ts';
import { useT } from '../../../i18n/index.ts';
import { inboxApi } from '../inbox-api.ts';
import type { SavedFilter } from '../types.ts';

interface Props {
  k: string;
  current: Record<string, string>;
  onApply(query: Record<string, string>): void;
}

export function SavedFilters({ k, current, onApply }: Props) {
  const t = useT();
  const id = useId();
  const [filters, setFilters] = useState<SavedFilter[] | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    inboxApi
      .savedFilters(k)
      .then((r) => setFilters(r.filters))
      .catch((e: unknown) => {
        setFilters([]);
        setError(errorText(e, t));
      });
  }, [k, t]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setError(t('inbox.saved.nameRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    inboxApi
      .saveFilter(k, name.trim(), current)
      .then((saved) => {
        setFilters((known) => [...(known ?? []), saved]);
        setSaid(t('inbox.saved.savedAs', { name: saved.name }));
        setName('');
      })
      .catch((e: unknown) => setError(errorText(e, t)))
      .finally(() => setBusy(false));
  };

  const remove = (filter: SavedFilter) => {
    inboxApi
      .deleteFilter(k, filter.id)
      .then(() => {
        setFilters((known) => (known ?? []).filter((f) => f.id !== filter.id));
        setSaid(t('inbox.saved.deleted', { name: filter.name }));
      })
      .catch((e: unknown) => setError(errorText(e, t)));
  };

  return (
    <details className="inbox-saved">
      <summary>{t('inbox.saved.title')}</summary>
      <div className="inbox-saved-panel">
        {filters && filters.length === 0 ? <p>{t('inbox.saved.none')}</p> : null}
        {filters && filters.length > 0 ? (
          <ul className="inbox-saved-list">
            {filters.map((f) => (
              <li key={f.id}>
                <Button variant="link" onClick={() => onApply(f.query)}>
                  {t('inbox.saved.apply', { name: f.name })}
                </Button>
                <Button
                  variant="link"
                  aria-label={t('inbox.saved.deleteNamed', { name: f.name })}
                  onClick={() => remove(f)}
                >
                  {t('inbox.saved.delete')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <form onSubmit={save} className="inbox-saved-form">
          <div className={error ? 'field field-invalid' : 'field'}>
            <label htmlFor={`${id}-name`}>{t('inbox.saved.saveAs')}</label>
            {error ? (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            <input
              id={`${id}-name`}
              value={name}
              maxLength={80}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <Button type="submit" variant="secondary" busy={busy}>
            {t('inbox.saved.save')}
          </Button>
        </form>
        <p className="inbox-saved-said" role="status">
          {said}
        </p>
      </div>
    </details>
  );
}
