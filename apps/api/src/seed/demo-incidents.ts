import type { Role } from '@aegira/events';
import type { Actor, ServiceDeps } from '../services/actor.ts';
import { addCaseNote, transitionCase } from '../services/cases/case-commands.ts';
import type { ReportIncidentRequest } from '../services/incidents/report-incident.ts';
import { reportIncident } from '../services/incidents/report-incident.ts';
import { approveIncident, rejectIncident } from '../services/incidents/review-incident.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface DemoIncidentPeople {
  companyId: string;
  whsId: string;
  /** The demo workers with their numbers (worker1 is 1). */
  workers: ReadonlyArray<{ id: string; number: number }>;
}

function actorOf(companyId: string, personId: string, role: Role): Actor {
  return {
    personId,
    companyId,
    role,
    email: '',
    firstName: '',
    lastName: '',
    tokenId: null,
    readOnly: false,
    mustChangePassword: false,
  };
}

type Step =
  | { kind: 'approve' }
  | { kind: 'reject' }
  | { kind: 'move'; to: 'INVESTIGATING' | 'RESOLVED' | 'CLOSED'; resolutionSummary?: string }
  | { kind: 'note'; text: string };

interface DemoIncident {
  worker: number;
  daysAgo: number;
  report: Omit<ReportIncidentRequest, 'occurredAt' | 'peopleInvolvedIds'>;
  involved?: number[];
  steps: Step[];
}

/** Five reports in every state: pending, rejected, and cases open, investigating and closed. */
const DEMO_INCIDENTS: DemoIncident[] = [
  {
    worker: 6,
    daysAgo: 20,
    report: {
      type: 'HAZARD',
      severity: 'MEDIUM',
      title: 'Loose scaffold board on level 3',
      location: 'Site B, east scaffold',
      description: 'A board moved underfoot; nobody fell. Taped off the bay.',
    },
    steps: [
      { kind: 'approve' },
      { kind: 'move', to: 'INVESTIGATING' },
      { kind: 'note', text: 'Scaffold inspected; two clips missing on level 3.' },
      {
        kind: 'move',
        to: 'RESOLVED',
        resolutionSummary: 'Clips replaced and the scaffold tag renewed; weekly inspection added.',
      },
      { kind: 'move', to: 'CLOSED' },
    ],
  },
  {
    worker: 3,
    daysAgo: 10,
    report: {
      type: 'PROPERTY_DAMAGE',
      severity: 'LOW',
      title: 'Dented van door in the yard',
      location: 'Site A yard',
      description: 'Reversed into a bollard at walking pace.',
    },
    steps: [{ kind: 'reject' }],
  },
  {
    worker: 2,
    daysAgo: 6,
    report: {
      type: 'INJURY',
      severity: 'HIGH',
      title: 'Hand cut on a cutting disc',
      location: 'Site A workshop',
      description: 'The disc guard was missing; first aid given, then A&E for stitches.',
    },
    involved: [1],
    steps: [
      { kind: 'approve' },
      { kind: 'move', to: 'INVESTIGATING' },
      { kind: 'note', text: 'Statement taken from worker1, who was next to the grinder.' },
    ],
  },
  {
    worker: 7,
    daysAgo: 2,
    report: {
      type: 'ILLNESS',
      severity: 'MEDIUM',
      title: 'Dizziness after working in the heat',
      location: 'Site B roof',
      description: 'Felt faint after two hours on the roof; rested and drank water.',
    },
    steps: [{ kind: 'approve' }],
  },
  {
    worker: 1,
    daysAgo: 1,
    report: {
      type: 'NEAR_MISS',
      severity: 'LOW',
      title: 'Dropped spanner from the hoist',
      location: null,
      description: 'A spanner fell about four metres and landed outside the barrier.',
    },
    steps: [],
  },
];

/**
 * The demo company's incidents and cases, through the same services (and so the same
 * commands) as the API: reports by workers, reviewed and worked by the WHS officer, each
 * step an hour after the last, dated back from `now`.
 */
export async function seedDemoIncidents(
  deps: ServiceDeps,
  people: DemoIncidentPeople,
  now: Date,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const whs = actorOf(people.companyId, people.whsId, 'WHS');
  const workerId = (number: number) => {
    const id = people.workers.find((worker) => worker.number === number)?.id;
    if (!id) throw new Error(`demo data has no worker${number}`);
    return id;
  };
  for (const incident of DEMO_INCIDENTS) {
    let at = new Date(now.getTime() - incident.daysAgo * DAY);
    // Payload times step back through the past weeks; the log records them now, after the
    // history seeded before them, so the log stays in time order.
    const depsAt = () => ({ db: deps.db, now: () => at, loggedAt: now });
    const reported = await reportIncident(
      depsAt(),
      actorOf(people.companyId, workerId(incident.worker), 'WORKER'),
      {
        ...incident.report,
        occurredAt: new Date(at.getTime() - 2 * HOUR).toISOString(),
        peopleInvolvedIds: (incident.involved ?? []).map(workerId),
      },
    );
    let caseId: string | null = null;
    for (const step of incident.steps) {
      at = new Date(at.getTime() + HOUR);
      switch (step.kind) {
        case 'approve':
          caseId =
            (await approveIncident(depsAt(), whs, { incidentId: reported.id })).case?.id ?? null;
          break;
        case 'reject':
          await rejectIncident(depsAt(), whs, {
            incidentId: reported.id,
            reason: 'NOT_WORK_RELATED',
            explanation:
              'A private van on a private errand; recorded with the fleet insurer instead.',
          });
          break;
        case 'move':
          if (caseId) {
            await transitionCase(depsAt(), whs, {
              caseId,
              to: step.to,
              resolutionSummary: step.resolutionSummary ?? null,
            });
          }
          break;
        case 'note':
          if (caseId) await addCaseNote(depsAt(), whs, { caseId, text: step.text });
          break;
        default: {
          const unreachable: never = step;
          throw new Error(`unknown step ${String(unreachable)}`);
        }
      }
    }
  }
  log(
    `  incidents: ${DEMO_INCIDENTS.length} reports (pending, rejected, cases open, investigating and closed)`,
  );
}
