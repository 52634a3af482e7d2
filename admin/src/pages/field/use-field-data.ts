// What the field pages read: the task list and a task, from the server when it answers and
// otherwise from the copy on the device (IndexedDB, keyed by user). While online the list's tasks
// are also fetched one by one into that copy, so every task on the list opens without a network.
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { getCached, putCached } from '../../offline/field-store.ts';
import { useStaffSession } from '../../session/index.ts';
import {
  type FieldDirectory,
  type FieldTask,
  fieldApi,
  type TaskDetail,
  type TaskScope,
} from './field-api.ts';
import { detailKey } from './sync.tsx';
import type { Position } from './use-position.ts';

export interface Loaded<T> {
  status: 'loading' | 'ready' | 'failed';
  data: T | null;
  /** Set when the data is the device's copy: when it was saved. */
  offlineSince: string | null;
}

const PREFETCH_LIMIT = 100;
/** Thumbnails kept per task (small WebP files, a few kB each). */
const THUMBS_PER_TASK = 6;

export function thumbKey(url: string): string {
  return `thumb|${url}`;
}

/** Keeps the task's photo thumbnails as blobs, so the task page shows them without a network. */
async function keepThumbnails(userId: string, detail: TaskDetail, signal: AbortSignal): Promise<void> {
  for (const photo of detail.photos.slice(0, THUMBS_PER_TASK)) {
    if (await getCached<Blob>(userId, thumbKey(photo.thumbnailUrl))) continue;
    const response = await fetch(photo.thumbnailUrl, { credentials: 'same-origin', signal }).catch(
      () => null,
    );
    if (!response?.ok) continue;
    await putCached(userId, thumbKey(photo.thumbnailUrl), await response.blob());
  }
}

function listKey(k: string, scope: TaskScope): string {
  return `tasks|${k}|${scope}`;
}

/** Network failures and server errors fall back to the copy; a 401/403/404 does not. */
function unreachable(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

export function useTasks(k: string, scope: TaskScope, position: Position | null, revision: string | number) {
  const userId = useStaffSession().user.id;
  const [state, setState] = useState<Loaded<FieldTask[]>>({
    status: 'loading',
    data: null,
    offlineSince: null,
  });
  const [offlineReady, setOfflineReady] = useState<number | null>(null);
  const lat = position?.lat;
  const lon = position?.lon;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` asks for a fresh read.
  useEffect(() => {
    const controller = new AbortController();
    const here = lat !== undefined && lon !== undefined ? { lat, lon } : null;
    void (async () => {
      try {
        const { body } = await fieldApi.tasks(k, scope, here, controller.signal);
        await putCached(userId, listKey(k, scope), body.tasks);
        setState({ status: 'ready', data: body.tasks, offlineSince: null });
        // Keep every task (and the directory: categories, map tiles) for use without a network.
        setOfflineReady(null);
        const directory = await fieldApi.directory(k);
        await putCached(userId, `directory|${k}`, directory.body);
        for (const task of body.tasks.slice(0, PREFETCH_LIMIT)) {
          if (controller.signal.aborted) return;
          const detail = await fieldApi.task(k, task.id, controller.signal);
          await putCached(userId, detailKey(k, task.id), detail.body);
          await keepThumbnails(userId, detail.body, controller.signal).catch(() => undefined);
        }
        setOfflineReady(body.tasks.length);
      } catch (error) {
        if (controller.signal.aborted) return;
        if (!unreachable(error)) {
          setState((s) => (s.data ? s : { status: 'failed', data: null, offlineSince: null }));
          return;
        }
        const kept = await getCached<FieldTask[]>(userId, listKey(k, scope));
        setState((s) =>
          s.data && s.offlineSince === null
            ? s
            : kept
              ? { status: 'ready', data: kept.value, offlineSince: kept.savedAt }
              : { status: 'failed', data: null, offlineSince: null },
        );
      }
    })();
    return () => controller.abort();
  }, [k, scope, lat, lon, userId, revision]);

  return { ...state, offlineReady };
}

export function useTask(k: string, id: string, revision: string) {
  const userId = useStaffSession().user.id;
  const [state, setState] = useState<Loaded<TaskDetail>>({
    status: 'loading',
    data: null,
    offlineSince: null,
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `revision` asks for a fresh read.
  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      try {
        const { body } = await fieldApi.task(k, id, controller.signal);
        await putCached(userId, detailKey(k, id), body);
        setState({ status: 'ready', data: body, offlineSince: null });
        await keepThumbnails(userId, body, controller.signal).catch(() => undefined);
      } catch (error) {
        if (controller.signal.aborted) return;
        const kept = unreachable(error) ? await getCached<TaskDetail>(userId, detailKey(k, id)) : undefined;
        setState(
          kept
            ? { status: 'ready', data: kept.value, offlineSince: kept.savedAt }
            : { status: 'failed', data: null, offlineSince: null },
        );
      }
    })();
    return () => controller.abort();
  }, [k, id, userId, revision]);
  return state;
}

export function useFieldDirectory(k: string): FieldDirectory | null {
  const userId = useStaffSession().user.id;
  const [directory, setDirectory] = useState<FieldDirectory | null>(null);
  const load = useCallback(async () => {
    try {
      const { body } = await fieldApi.directory(k);
      await putCached(userId, `directory|${k}`, body);
      setDirectory(body);
    } catch {
      const kept = await getCached<FieldDirectory>(userId, `directory|${k}`);
      if (kept) setDirectory(kept.value);
    }
  }, [k, userId]);
  useEffect(() => {
    void load();
  }, [load]);
  return directory;
}

/** Object URLs of the kept thumbnails, by their server address (missing ones are left out). */
export function useKeptThumbnails(urls: string[]): Map<string, string> {
  const userId = useStaffSession().user.id;
  const [kept, setKept] = useState<Map<string, string>>(new Map());
  const key = urls.join(' ');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `urls`.
  useEffect(() => {
    let cancelled = false;
    const made: string[] = [];
    void (async () => {
      const found = new Map<string, string>();
      for (const url of urls) {
        const blob = (await getCached<Blob>(userId, thumbKey(url)))?.value;
        if (!blob) continue;
        const objectUrl = URL.createObjectURL(blob);
        made.push(objectUrl);
        found.set(url, objectUrl);
      }
      if (!cancelled) setKept(found);
    })();
    return () => {
      cancelled = true;
      for (const u of made) URL.revokeObjectURL(u);
    };
  }, [key, userId]);
  return kept;
}

/** The task list of one scope as last kept on the device (for the map without a network). */
export async function keptTasks(userId: string, k: string, scope: TaskScope): Promise<FieldTask[]> {
  return (await getCached<FieldTask[]>(userId, listKey(k, scope)))?.value ?? [];
}
