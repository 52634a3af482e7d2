// The list's order; a change applies at once.
import { useId } from 'react';
import { useT } from '../../../i18n/index.ts';
import { SORTS, type Sort } from '../types.ts';

export function SortSelect({ value, onChange }: { value: Sort; onChange(sort: Sort): void }) {
  const t = useT();
  const id = useId();
  return (
    <div className="field inbox-sort">
      <label htmlFor={id}>{t('inbox.sort')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Sort)}>
        {SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {t(`inbox.sort.${sort}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
