// Runs one case action: busy while it runs, the updated case on success, the server's reason on
// failure. A 409 (someone changed the report meanwhile) is marked so the form can offer to load
// the case again; the form's typed text is never touched here.
import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { errorText } from '../../../api/error-text.ts';
import { useT } from '../../../i18n/index.ts';
import type { Case } from '../types.ts';

export interface ActionState {
  busy: boolean;
  error: string | null;
  conflict: boolean;
  /** Said politely after a success ("Lagret."). */
  done: string;
  run(action: () => Promise<Case>, doneText: string): Promise<boolean>;
  clearError(): void;
}

export function useAction(onChanged: (c: Case) => void): ActionState {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [done, setDone] = useState('');
  const run = useCallback(
    async (action: () => Promise<Case>, doneText: string) => {
      setBusy(true);
      setError(null);
      setConflict(false);
      setDone('');
      try {
        onChanged(await action());
        setDone(doneText);
        return true;
      } catch (e) {
        setConflict(e instanceof ApiError && e.status === 409);
        setError(errorText(e, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onChanged, t],
  );
  return { busy, error, conflict, done, run, clearError: () => setError(null) };
}
