// What the front desk reads: the municipality's categories (the public tree, in the UI language;
// ids from the tree or, for admins, from the administration API), addresses, the caller's
// earlier reports and open reports nearby (docs/staff-api.md, "Front desk").
import { useEffect, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import type { Language } from '../../i18n/index.ts';

type Tree = Answer<'/api/v1/municipalities/{kommunenummer}/categories'>;
type TreeCategory = Tree['groups'][number]['categories'][number];
export type PublicQuestion = TreeCategory['questions'][number];
/** A category as the front desk offers it: the public tree's, with its group's name. */
export type DeskCategory = TreeCategory & { group: string };

export type AddressHit = Answer<'/api/v1/municipalities/{kommunenummer}/addresses'>['addresses'][number];
export type CallerReport = Answer<
  '/api/v1/staff/m/{kommunenummer}/front-desk/caller',
  'post'
>['reports'][number];
export type NearbyReport = Answer<'/api/v1/staff/m/{kommunenummer}/front-desk/nearby'>['reports'][number];

export function useDeskCategories(kommunenummer: string, language: string) {
  const [state, setState] = useState<{
    categories: DeskCategory[];
    onCallPhone: string | null;
    error: unknown;
  }>({
    categories: [],
    onCallPhone: null,
    error: null,
  });
  useEffect(() => {
    ok(
      client.GET('/api/v1/municipalities/{kommunenummer}/categories', {
        params: { path: { kommunenummer }, query: { lang: language as Language } },
      }),
    ).then(
      (tree) =>
        setState({
          onCallPhone: tree.municipality.onCallPhone,
          error: null,
          categories: tree.groups.flatMap((g) => g.categories.map((c) => ({ ...c, group: g.name }))),
        }),
      (error: unknown) => setState((old) => ({ ...old, error })),
    );
  }, [kommunenummer, language]);
  return state;
}

/** The value after it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
