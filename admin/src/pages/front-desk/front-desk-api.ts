// What the front desk reads: the municipality's categories (the public tree, in the UI language;
// ids from the tree or, for admins, from the administration API), addresses, the caller's
// earlier reports and open reports nearby (docs/staff-api.md, "Front desk").
import { useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import type { ReportStatus } from '../../components/index.ts';

export interface PublicQuestion {
  code: string;
  type: 'text' | 'number' | 'boolean' | 'single' | 'multiple';
  required: boolean;
  label: string;
  help?: string;
  options?: { code: string; label: string; acute: boolean }[];
  min?: number;
  max?: number;
}

export interface DeskCategory {
  id: string;
  code: string;
  name: string;
  group: string;
  help?: string;
  acute: boolean;
  questions: PublicQuestion[];
}

interface Tree {
  municipality: { onCallPhone: string | null };
  groups: {
    name: string;
    categories: Omit<DeskCategory, 'group'>[];
  }[];
}

export interface AddressHit {
  text: string;
  postcode: string;
  postTown: string;
  lat: number;
  lon: number;
}

export interface CallerReport {
  id: string;
  ref: string;
  status: ReportStatus;
  category: { id: string; name: string };
  createdAt: string;
  address: string | null;
}

export interface NearbyReport {
  id: string;
  ref: string;
  status: ReportStatus;
  category: { id: string; name: string };
  description: string;
  address: string | null;
  createdAt: string;
  distanceMeters: number;
}

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
    api.get<Tree>(`/api/v1/municipalities/${kommunenummer}/categories`, { query: { lang: language } }).then(
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
