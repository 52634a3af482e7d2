// Free-text search over reference, description and address: applied on Enter or with the button,
// kept in the address as ?q= like every other filter. "/" jumps here.
import { type FormEvent, useEffect, useState } from 'react';
import { useT } from '../../../i18n/index.ts';

export function SearchForm({ value, onSearch }: { value: string; onSearch(q: string): void }) {
  const t = useT();
  const [q, setQ] = useState(value);
  // The address changed (back button, a chip removed): the field shows the search in use.
  useEffect(() => setQ(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(q);
  };
  return (
    <search className="inbox-search">
      <form onSubmit={submit}>
        <label htmlFor="inbox-search" className="visually-hidden">
          {t('inbox.search')}
        </label>
        <input
          id="inbox-search"
          type="search"
          value={q}
          placeholder={t('inbox.searchHint')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="button button-secondary inbox-search-button">
          {t('inbox.search')}
        </button>
      </form>
    </search>
  );
}
