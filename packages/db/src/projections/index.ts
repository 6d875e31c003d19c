export { projectApiTokenCreated, projectApiTokenRevoked } from './api-token-projection.ts';
export {
  projectCheckInSubmitted,
  projectCheckInUpdated,
  projectMissedCheckInDetected,
  projectMissedCheckInResolved,
} from './check-in-projection.ts';
export { projectCompanyCreated } from './company-projection.ts';
export { projectCompanyUpdated } from './company-settings-projection.ts';
export { dateColumn, localDateOf } from './dates.ts';
export {
  projectHolidayDeactivated,
  projectHolidayUpdated,
} from './holiday-changes-projection.ts';
export { projectHolidayCreated } from './holiday-projection.ts';
export {
  projectPersonDeactivated,
  projectPersonPasswordChanged,
  projectPersonReactivated,
  projectPersonRoleChanged,
  projectPersonSessionsRevoked,
  projectPersonUpdated,
} from './person-changes-projection.ts';
export { projectPersonCreated } from './person-projection.ts';
export { type AnyStoredEvent, projectEvent } from './project-event.ts';
export {
  projectTeamCreated,
  projectTeamDeactivated,
  projectTeamMemberAssigned,
  projectTeamMemberUnassigned,
  projectTeamReactivated,
  projectTeamUpdated,
} from './team-projection.ts';
export {
  projectTeamTransferCancelled,
  projectTeamTransferCompleted,
  projectTeamTransferInitiated,
} from './transfer-projection.ts';
