// Embedded mode's bound on report intake. PGlite runs one statement at a time for the whole
// process (see db/query-gate.ts), so intake beyond what it can store only lengthens the queue:
// every request, the staff's pages and background work included, would wait behind it. Here at
// most a few intakes work at once, a bounded number wait their turn, and one more is refused at
// once with a 503 and Retry-After (nothing stored), which a client can retry. A PostgreSQL server
// has its own bound (the pool) and several processes behind a load balancer, so it has no gate.
import type { DatabaseHandle } from '../../db/client.ts';
import { messages } from '../../i18n/messages.ts';
import { type AdmissionGate, createAdmissionGate } from '../../shared/admission-gate.ts';
import { AppError } from '../../shared/errors.ts';

/** Intakes doing their database work at the same time: enough to overlap JSON work with SQL. */
export const INTAKE_AT_ONCE = 4;
/** Intakes that may wait for their turn; one more is refused. */
export const INTAKE_WAITING = 96;
/** What a refused client is told to wait, in seconds. */
export const INTAKE_RETRY_AFTER_SECONDS = 5;

export class IntakeBusyError extends AppError {
  readonly retryAfterSeconds = INTAKE_RETRY_AFTER_SECONDS;
  constructor() {
    super(503, 'intake_busy', messages.intakeBusy(INTAKE_RETRY_AFTER_SECONDS));
  }
}

export type IntakeGate = AdmissionGate;

export function createIntakeGate(atOnce = INTAKE_AT_ONCE, maxWaiting = INTAKE_WAITING): IntakeGate {
  return createAdmissionGate(atOnce, maxWaiting, () => new IntakeBusyError());
}

const gates = new WeakMap<DatabaseHandle, IntakeGate>();

/** The intake gate of an embedded database (one per open database); none for a server. */
export function intakeGateFor(handle: DatabaseHandle): IntakeGate | undefined {
  if (handle.kind !== 'pglite') return undefined;
  let gate = gates.get(handle);
  if (!gate) {
    gate = createIntakeGate();
    gates.set(handle, gate);
  }
  return gate;
}

/** Replaces the gate of `handle` (tests use small limits to reach a full queue). */
export function useIntakeGate(handle: DatabaseHandle, gate: IntakeGate): void {
  gates.set(handle, gate);
}
