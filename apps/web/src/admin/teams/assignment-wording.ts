import { formatLocalDate } from '../../check-in/format.ts';

type Candidate = { name: string; team: { id: string; name: string } | null };

/** When an assignment would apply: at once for a worker without a team, else the next day. */
export function assignmentPreview(worker: Candidate, teamName: string, tomorrow: string): string {
  if (worker.team === null) return `${worker.name} joins ${teamName} now.`;
  return `${worker.name} moves from ${worker.team.name} to ${teamName} on ${formatLocalDate(tomorrow, 'long')} (tomorrow). Until then they stay in ${worker.team.name}.`;
}

type Outcome = { outcome: 'assigned' | 'transfer_scheduled'; effectiveOn: string };

/** What the server did, for the success message. */
export function assignmentResult(name: string, teamName: string, result: Outcome): string {
  return result.outcome === 'assigned'
    ? `${name} joined ${teamName}.`
    : `${name} moves to ${teamName} on ${formatLocalDate(result.effectiveOn, 'long')}. You can cancel the move until then.`;
}
