// What the inbox page shares with the case view beside it.
import { createContext, useContext } from 'react';
import type { Directory } from './directory.ts';
import type { Case } from './types.ts';

/** The ids of the case view's controls the shortcuts a, s, r, n and m move focus to. */
export const CASE_CONTROLS = {
  assign: 'case-assign-team',
  status: 'case-status',
  reply: 'case-reply-text',
  note: 'case-note-text',
  merge: 'case-merge-search',
} as const;
export type CaseControl = keyof typeof CASE_CONTROLS;

export interface InboxContextValue {
  directory: Directory;
  /** The query string of the list's filter, kept in links between list and case. */
  search: string;
  onCaseChanged(updated: Case): void;
  /** Reports left or joined the list (a merge): it loads its first page again. */
  onListChanged(): void;
  /** Back to the list (Esc), focus on the case's row. */
  closeCase(): void;
  /** The control a shortcut asked for before the case had loaded; read once. */
  takePendingControl(): CaseControl | null;
}

export const InboxContext = createContext<InboxContextValue | null>(null);

export function useInboxContext(): InboxContextValue {
  const value = useContext(InboxContext);
  if (!value) throw new Error('The case view is shown inside the inbox page');
  return value;
}

/** Moves focus to a case control (opening its <details> if it is folded); false if absent. */
export function focusCaseControl(control: CaseControl): boolean {
  const element = document.getElementById(CASE_CONTROLS[control]);
  if (!element) return false;
  const folded = element.closest('details');
  if (folded && !folded.open) folded.open = true;
  element.focus();
  element.scrollIntoView({ block: 'nearest' });
  return true;
}
