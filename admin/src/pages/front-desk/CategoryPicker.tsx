// The category as a searchable combobox over the municipality's active categories, matched on
// the category's and its group's names.
import { useState } from 'react';
import { useT } from '../../i18n/index.ts';
import { Combobox } from './Combobox.tsx';
import type { DeskCategory } from './front-desk-api.ts';

export function CategoryPicker({
  categories,
  chosen,
  onChoose,
  error,
}: {
  categories: DeskCategory[];
  chosen: DeskCategory | null;
  onChoose(category: DeskCategory | null): void;
  error?: string | undefined;
}) {
  const t = useT();
  const [text, setText] = useState(chosen ? chosen.name : '');
  const [open, setOpen] = useState(false);
  const shownText = chosen && !open ? chosen.name : text;
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = categories.filter((c) => {
    if (chosen && text === chosen.name) return true;
    const hay = `${c.name} ${c.group}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  return (
    <Combobox<DeskCategory>
      id="desk-categoryId"
      label={t('frontDesk.category')}
      hint={chosen ? t('frontDesk.categoryChosen', { group: chosen.group }) : t('frontDesk.categoryHint')}
      error={error}
      value={shownText}
      onInput={(value) => {
        setText(value);
        if (chosen) onChoose(null);
      }}
      options={matches.slice(0, 12)}
      optionKey={(c) => c.code}
      renderOption={(c) => (
        <>
          {c.name} <span className="muted">· {c.group}</span>
          {c.acute ? ` · ${t('frontDesk.acute')}` : ''}
        </>
      )}
      onSelect={(c) => {
        setText(c.name);
        onChoose(c);
      }}
      open={open}
      setOpen={setOpen}
      emptyText={t('frontDesk.categoryNone')}
      statusText={t('frontDesk.suggestions', { count: matches.length })}
    />
  );
}
