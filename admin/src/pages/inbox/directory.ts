// Who and what a case handler can pick from — teams, people, category groups and categories —
// and the background map, from GET /directory (everyone who may read the inbox, names in the UI
// language). Inactive categories and groups stay in the list so old reports keep their names;
// the forms that set a category offer only the active ones.
import { useEffect, useMemo, useState } from 'react';
import { client, ok } from '../../api/client.ts';
import type { Answer } from '../../api/types.ts';
import { useT } from '../../i18n/index.ts';
import { useMembership } from '../../session/index.ts';
import type { Named } from './types.ts';

type DirectoryData = Answer<'/api/v1/staff/m/{kommunenummer}/directory'>;
export type Team = DirectoryData['teams'][number];
export type Person = DirectoryData['people'][number];
export type Group = DirectoryData['groups'][number];
export type Category = DirectoryData['categories'][number];
/** The tile server for the maps; an empty url means no background tiles. */
export type MapTiles = DirectoryData['map'];

export interface Directory extends DirectoryData {
  status: 'loading' | 'ready' | 'failed';
}

const EMPTY: DirectoryData = {
  teams: [],
  people: [],
  groups: [],
  categories: [],
  map: { tileUrl: '', attribution: '' },
};

export function useDirectory(): Directory {
  const t = useT();
  const k = useMembership().kommunenummer;
  const language = t.language;
  const [data, setData] = useState<DirectoryData>(EMPTY);
  const [status, setStatus] = useState<Directory['status']>('loading');

  // Again when the language changes: the names come in it (Accept-Language).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `language` is sent by the API client, not read here.
  useEffect(() => {
    const controller = new AbortController();
    setStatus((s) => (s === 'ready' ? s : 'loading'));
    ok(
      client.GET('/api/v1/staff/m/{kommunenummer}/directory', {
        params: { path: { kommunenummer: k } },
        signal: controller.signal,
      }),
    )
      .then((d) => {
        setData(d);
        setStatus('ready');
      })
      .catch(() => {
        if (!controller.signal.aborted) setStatus((s) => (s === 'ready' ? s : 'failed'));
      });
    return () => controller.abort();
  }, [k, language]);

  return useMemo(() => ({ ...data, status }), [data, status]);
}

/** The list with `current` first when it is missing from it (someone who left, a removed team). */
export function withCurrent(list: readonly Named[], current: Named | null): readonly Named[] {
  return current && !list.some((x) => x.id === current.id) ? [current, ...list] : list;
}
