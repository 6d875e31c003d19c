import type { EventType } from '@aegira/events';
import type { Tx } from '../client.ts';
import type { StoredEvent } from '../write-path.ts';
import { projectApiTokenCreated, projectApiTokenRevoked } from './api-token-projection.ts';
import {
  projectCheckInSubmitted,
  projectCheckInUpdated,
  projectMissedCheckInDetected,
  projectMissedCheckInResolved,
} from './check-in-projection.ts';
import { projectCompanyCreated } from './company-projection.ts';
import { projectCompanyUpdated } from './company-settings-projection.ts';
import { projectHolidayDeactivated, projectHolidayUpdated } from './holiday-changes-projection.ts';
import { projectHolidayCreated } from './holiday-projection.ts';
import {
  projectPersonDeactivated,
  projectPersonPasswordChanged,
  projectPersonReactivated,
  projectPersonRoleChanged,
  projectPersonSessionsRevoked,
  projectPersonUpdated,
} from './person-changes-projection.ts';
import { projectPersonCreated } from './person-projection.ts';
import {
  projectTeamCreated,
  projectTeamDeactivated,
  projectTeamMemberAssigned,
  projectTeamMemberUnassigned,
  projectTeamReactivated,
  projectTeamUpdated,
} from './team-projection.ts';
import {
  projectTeamTransferCancelled,
  projectTeamTransferCompleted,
  projectTeamTransferInitiated,
} from './transfer-projection.ts';

/** A stored event whose payload matches its type, whatever the type. */
export type AnyStoredEvent = { [K in EventType]: StoredEvent<K> }[EventType];

/**
 * Applies one event to the tables with the same projection the write path
 * used, so replaying a company's events in order rebuilds its rows
 * (product.md, event sourcing rule 3).
 */
export async function projectEvent(tx: Tx, event: AnyStoredEvent): Promise<void> {
  switch (event.type) {
    case 'COMPANY_CREATED':
      return projectCompanyCreated(tx, event);
    case 'COMPANY_UPDATED':
      return void (await projectCompanyUpdated(tx, event));
    case 'PERSON_CREATED':
      return projectPersonCreated(tx, event);
    case 'PERSON_UPDATED':
      return void (await projectPersonUpdated(tx, event));
    case 'PERSON_ROLE_CHANGED':
      return void (await projectPersonRoleChanged(tx, event));
    case 'PERSON_PASSWORD_CHANGED':
      return void (await projectPersonPasswordChanged(tx, event));
    case 'PERSON_SESSIONS_REVOKED':
      return void (await projectPersonSessionsRevoked(tx, event));
    case 'PERSON_DEACTIVATED':
      return void (await projectPersonDeactivated(tx, event));
    case 'PERSON_REACTIVATED':
      return void (await projectPersonReactivated(tx, event));
    case 'TEAM_CREATED':
      return void (await projectTeamCreated(tx, event));
    case 'TEAM_UPDATED':
      return void (await projectTeamUpdated(tx, event));
    case 'TEAM_DEACTIVATED':
      return void (await projectTeamDeactivated(tx, event));
    case 'TEAM_REACTIVATED':
      return void (await projectTeamReactivated(tx, event));
    case 'TEAM_MEMBER_ASSIGNED':
      return void (await projectTeamMemberAssigned(tx, event));
    case 'TEAM_MEMBER_UNASSIGNED':
      return void (await projectTeamMemberUnassigned(tx, event));
    case 'TEAM_TRANSFER_INITIATED':
      return void (await projectTeamTransferInitiated(tx, event));
    case 'TEAM_TRANSFER_COMPLETED':
      return void (await projectTeamTransferCompleted(tx, event));
    case 'TEAM_TRANSFER_CANCELLED':
      return void (await projectTeamTransferCancelled(tx, event));
    case 'CHECK_IN_SUBMITTED':
      return void (await projectCheckInSubmitted(tx, event));
    case 'CHECK_IN_UPDATED':
      return void (await projectCheckInUpdated(tx, event));
    case 'MISSED_CHECK_IN_DETECTED':
      return projectMissedCheckInDetected(tx, event);
    case 'MISSED_CHECK_IN_RESOLVED':
      return projectMissedCheckInResolved(tx, event);
    case 'HOLIDAY_CREATED':
      return projectHolidayCreated(tx, event);
    case 'HOLIDAY_UPDATED':
      return void (await projectHolidayUpdated(tx, event));
    case 'HOLIDAY_DEACTIVATED':
      return void (await projectHolidayDeactivated(tx, event));
    case 'API_TOKEN_CREATED':
      return void (await projectApiTokenCreated(tx, event));
    case 'API_TOKEN_REVOKED':
      return void (await projectApiTokenRevoked(tx, event));
    case 'INCIDENT_REPORTED':
    case 'INCIDENT_UPDATED':
    case 'CASE_OPENED':
    case 'CASE_STATUS_CHANGED':
    case 'CASE_NOTE_ADDED':
      // Incidents and cases have no tables yet; nothing can have written these.
      throw new Error(`No projection for ${event.type} yet`);
    default: {
      const unhandled: never = event;
      throw new Error(`Unknown event ${JSON.stringify(unhandled)}`);
    }
  }
}
