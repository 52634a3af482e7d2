import type { Case } from '../types.ts';

/** What every action form of the case view gets. */
export interface ActionProps {
  c: Case;
  k: string;
  onChanged(updated: Case): void;
  /** Loads the case again (after a 409), keeping what was typed. */
  onReload(): void;
}
