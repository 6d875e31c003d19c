import { eventGroupKey } from '../notification-kinds.ts';
import type { Producer } from './draft.ts';

/**
 * Every WHS officer active when it was reported (named in the event, so a rebuild tells the
 * same people). The reference, type and severity only: the title and description are sensitive.
 */
export const incidentReportedProducer: Producer<'INCIDENT_REPORTED'> = (event) => {
  const { id, number, year, type, severity, whsOfficerIds } = event.payload;
  return whsOfficerIds.map((personId) => ({
    kind: 'INCIDENT_REPORTED',
    recipient: { personId },
    groupKey: eventGroupKey(event.id),
    data: { incidentId: id, reference: `INC-${year}-${number}`, type, severity },
  }));
};
