// Where the device is (navigator.geolocation), or null when it is not known (no permission, no
// fix yet, no GPS). The app works without it: the list is then sorted by priority only.
import { useCallback, useEffect, useState } from 'react';

export interface Position {
  lat: number;
  lon: number;
  accuracy: number;
}

export function usePosition(): { position: Position | null; ask: () => void } {
  const [position, setPosition] = useState<Position | null>(null);
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` starts a new watch on request.
  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    const id = navigator.geolocation.watchPosition(
      (p) =>
        setPosition((old) => {
          const next = { lat: p.coords.latitude, lon: p.coords.longitude, accuracy: p.coords.accuracy };
          // Moves under ~20 m do not re-sort the list or refetch.
          if (old && Math.abs(old.lat - next.lat) < 0.0002 && Math.abs(old.lon - next.lon) < 0.0004)
            return old;
          return next;
        }),
      () => undefined,
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, [attempt]);
  const ask = useCallback(() => setAttempt((n) => n + 1), []);
  return { position, ask };
}
