import { toLocalTime } from './local-time.ts';

/** A case's states (product.md "Incidents and cases"). */
export type CaseState = 'OPEN' | 'INVESTIGATING' | 'RESOLVED' | 'CLOSED';
export const CASE_STATES: readonly CaseState[] = ['OPEN', 'INVESTIGATING', 'RESOLVED', 'CLOSED'];

/**
 * OPEN → INVESTIGATING → RESOLVED → CLOSED; OPEN and INVESTIGATING may close directly;
 * a RESOLVED case may reopen to INVESTIGATING (with a reason). CLOSED is final.
 */
const NEXT: { readonly [S in CaseState]: readonly CaseState[] } = {
  OPEN: ['INVESTIGATING', 'CLOSED'],
  INVESTIGATING: ['RESOLVED', 'CLOSED'],
  RESOLVED: ['INVESTIGATING', 'CLOSED'],
  CLOSED: [],
};

/** What a transition needs besides the target state. */
export interface CaseTransitionInput {
  reason?: string | null | undefined;
  resolutionSummary?: string | null | undefined;
}

export type CaseTransitionRefusal =
  | { code: 'INVALID_TRANSITION'; message: string }
  | { code: 'VALIDATION_FAILED'; field: 'reason' | 'resolutionSummary'; message: string };

/** The states a case in `from` may move to. */
export function nextCaseStates(from: CaseState): readonly CaseState[] {
  return NEXT[from];
}

/** Whether `from` → `to` is allowed, whatever the inputs. */
export function isCaseTransitionAllowed(from: CaseState, to: CaseState): boolean {
  return NEXT[from].includes(to);
}

/** Reopening a resolved case (RESOLVED → INVESTIGATING). */
export function isReopening(from: CaseState, to: CaseState): boolean {
  return from === 'RESOLVED' && to === 'INVESTIGATING';
}

/**
 * Refuses a transition the workflow does not have, a reopening without a reason and a
 * resolution without a summary; null when it may go ahead.
 */
export function refuseCaseTransition(
  from: CaseState,
  to: CaseState,
  input: CaseTransitionInput,
): CaseTransitionRefusal | null {
  if (!isCaseTransitionAllowed(from, to)) {
    const allowed = NEXT[from];
    return {
      code: 'INVALID_TRANSITION',
      message:
        allowed.length === 0
          ? `The case is ${from}; a closed case cannot change.`
          : `A case cannot go from ${from} to ${to}; from ${from} it may go to ${allowed.join(' or ')}.`,
    };
  }
  if (isReopening(from, to) && !input.reason?.trim()) {
    return {
      code: 'VALIDATION_FAILED',
      field: 'reason',
      message: 'is required: say why the resolved case is reopened',
    };
  }
  if (to === 'RESOLVED' && !input.resolutionSummary?.trim()) {
    return {
      code: 'VALIDATION_FAILED',
      field: 'resolutionSummary',
      message: 'is required: summarise how the case was resolved',
    };
  }
  return null;
}

/** An incident's or case's reference: INC-2026-3, CASE-2026-1. */
export function recordReference(kind: 'INC' | 'CASE', year: number, number: number): string {
  return `${kind}-${year}-${number}`;
}

/** The year of `instant` in the company's time zone (the year part of a reference). */
export function companyYear(instant: Date, timeZone: string): number {
  return Number(toLocalTime(instant, timeZone).date.slice(0, 4));
}
