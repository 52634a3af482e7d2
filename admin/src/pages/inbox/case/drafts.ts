// Typed text that must survive a failed save, a reload of the case or of the page: kept in state
// and in sessionStorage under the report and the form (this tab only, gone when it closes).
import { useCallback, useState } from 'react';

const PREFIX = 'meldepunkt.draft';

function read(key: string): string {
  try {
    return sessionStorage.getItem(`${PREFIX}.${key}`) ?? '';
  } catch {
    return '';
  }
}

function write(key: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(`${PREFIX}.${key}`, value);
    else sessionStorage.removeItem(`${PREFIX}.${key}`);
  } catch {
    // Storage switched off or full: the draft stays in state.
  }
}

/** A text draft for `reportId` and `form`: [text, set, clear]. */
export function useDraft(reportId: string, form: string): [string, (text: string) => void, () => void] {
  const key = `${reportId}.${form}`;
  const [state, setState] = useState(() => ({ key, text: read(key) }));
  // Another report opened in the same view: its own draft.
  const text = state.key === key ? state.text : read(key);
  if (state.key !== key) setState({ key, text });
  const set = useCallback(
    (value: string) => {
      setState({ key, text: value });
      write(key, value);
    },
    [key],
  );
  const clear = useCallback(() => set(''), [set]);
  return [text, set, clear];
}
