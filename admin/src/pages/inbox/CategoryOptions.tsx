// A category <select>'s options grouped as residents see them: each category group in the order
// its administrators set, its categories in their order (the directory lists both in that order).
import type { Category, Group } from './directory.ts';

export function CategoryOptions({
  groups,
  categories,
}: {
  groups: readonly Group[];
  categories: readonly Category[];
}) {
  const grouped = groups.flatMap((group) => {
    const own = categories.filter((c) => c.groupId === group.id);
    return own.length > 0 ? [{ group, own }] : [];
  });
  // A category whose group is not listed (it should not happen) is still offered, after the rest.
  const known = new Set(groups.map((g) => g.id));
  const loose = categories.filter((c) => !known.has(c.groupId));
  return (
    <>
      {grouped.map(({ group, own }) => (
        <optgroup key={group.id} label={group.name}>
          {own.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </optgroup>
      ))}
      {loose.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </>
  );
}
